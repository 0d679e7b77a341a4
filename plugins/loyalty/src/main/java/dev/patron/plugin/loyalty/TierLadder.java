package dev.patron.plugin.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tiers from the multiline setting {@code tiers}, lowest first, one per line:
 * {@code <name> <threshold> x<multiplier>}, e.g. {@code Gold 2000 x1.5}. The threshold is what a
 * customer must reach over the rolling window to hold the tier: an amount of the shop currency
 * when tiers go by spend, a number of points when they go by points. The multiplier scales the
 * points every order earns while the customer holds the tier. The first tier starts at 0 and is
 * where every customer begins; thresholds rise strictly.
 */
final class TierLadder {

    static final String DEFAULT = "Member 0 x1\nSilver 500 x1.25\nGold 2000 x1.5\nPlatinum 5000 x2";

    private static final Pattern LINE = Pattern.compile("(.+?)\\s+(\\S+)\\s+[xX×]\\s*(\\S+)");
    private static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

    /**
     * One tier.
     *
     * @param threshold what qualifies: minor units of the shop currency (spend) or points
     * @param rank 0 for the lowest tier, then 1, 2, ...
     */
    record Tier(String name, long threshold, BigDecimal multiplier, int rank) {
    }

    private final List<Tier> tiers;

    private TierLadder(List<Tier> tiers) {
        this.tiers = List.copyOf(tiers);
    }

    List<Tier> all() {
        return tiers;
    }

    Tier lowest() {
        return tiers.get(0);
    }

    /** The highest tier whose threshold {@code qualifying} reaches. */
    Tier forQualifying(long qualifying) {
        Tier result = tiers.get(0);
        for (Tier tier : tiers) {
            if (qualifying >= tier.threshold()) {
                result = tier;
            }
        }
        return result;
    }

    /** The tier of that name; a tier renamed or removed since reads as the lowest tier. */
    Tier named(String name) {
        if (name == null) {
            return lowest();
        }
        for (Tier tier : tiers) {
            if (tier.name().equals(name)) {
                return tier;
            }
        }
        return lowest();
    }

    Optional<Tier> above(Tier tier) {
        int next = tier.rank() + 1;
        return next < tiers.size() ? Optional.of(tiers.get(next)) : Optional.empty();
    }

    /**
     * Parses the setting's text for the given basis; adds one message per problem to
     * {@code problems}, naming the line. When no line is valid the result holds one tier at 0,
     * so callers can go on reading the other settings and report every problem at once.
     */
    static TierLadder parse(String text, TierBasis basis, int fractionDigits, List<String> problems) {
        List<Tier> tiers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int before = problems.size();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = LoyaltySettings.TIERS + " line " + (i + 1) + ": ";
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(where + "'" + line + "' must look like 'Gold 2000 x1.5' (name, threshold, x multiplier)");
                continue;
            }
            String name = m.group(1).trim();
            Long threshold = threshold(m.group(2), basis, fractionDigits, where, problems);
            BigDecimal multiplier = multiplier(m.group(3), where, problems);
            if (name.length() > 40) {
                problems.add(where + "the name '" + name + "' is longer than 40 characters");
                continue;
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(where + "there is already a tier named '" + name + "'; give each tier its own name");
                continue;
            }
            if (threshold == null || multiplier == null) {
                continue;
            }
            if (tiers.isEmpty() && threshold != 0) {
                // Reported once; the line still counts as the first tier so the next lines are judged against it.
                problems.add(where + "the first tier is where every customer starts, so its threshold must be 0, not "
                        + m.group(2));
            }
            if (!tiers.isEmpty() && threshold <= tiers.get(tiers.size() - 1).threshold()) {
                problems.add(where + "threshold " + m.group(2) + " must be above the previous tier's; list tiers lowest first");
                continue;
            }
            tiers.add(new Tier(name, threshold, multiplier, tiers.size()));
        }
        if (tiers.isEmpty() && problems.size() == before) {
            problems.add(LoyaltySettings.TIERS + ": define at least one tier, e.g. 'Member 0 x1'");
        }
        if (tiers.isEmpty()) {
            tiers.add(new Tier("Member", 0, BigDecimal.ONE, 0));
        }
        return new TierLadder(tiers);
    }

    private static Long threshold(String text, TierBasis basis, int fractionDigits, String where, List<String> problems) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(where + "threshold '" + text + "' is not a number");
            return null;
        }
        if (value.signum() < 0) {
            problems.add(where + "threshold " + text + " must not be negative");
            return null;
        }
        if (basis == TierBasis.POINTS) {
            if (value.stripTrailingZeros().scale() > 0) {
                problems.add(where + "threshold " + text + " must be a whole number of points (tiers go by points)");
                return null;
            }
            return value.longValueExact();
        }
        if (value.stripTrailingZeros().scale() > fractionDigits) {
            problems.add(where + "threshold " + text + " has more than " + fractionDigits + " decimal places for the shop currency");
            return null;
        }
        return value.movePointRight(fractionDigits).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    private static BigDecimal multiplier(String text, String where, List<String> problems) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() > 0 && value.compareTo(MAX_MULTIPLIER) <= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where + "multiplier 'x" + text + "' must be a number more than 0 and at most " + MAX_MULTIPLIER
                + ", e.g. x1.5");
        return null;
    }
}
