package dev.patron.plugin.loyalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bonus campaigns from the multiline setting {@code campaigns}, one per line:
 * {@code 2026-11-20..2026-11-30 x2 Black Friday} (a single day: {@code 2026-12-24 x3 Christmas Eve}).
 * Dates are inclusive days in the shop zone, compared with the day an order was placed. Blank
 * lines and lines starting with {@code #} are ignored. When campaigns overlap, the highest
 * multiplier applies; they do not stack, so a shop can add a short campaign inside a long one
 * without multiplying twice.
 */
final class Campaigns {

    static final BigDecimal MAX_MULTIPLIER = BigDecimal.valueOf(100);

    private static final Pattern LINE = Pattern.compile(
            "(\\S+?)(?:\\s*\\.\\.\\s*(\\S+))?\\s+[xX×]\\s*(\\S+)(?:\\s+(.+))?");
    private static final String EXAMPLE = "2026-11-20..2026-11-30 x2 Black Friday";

    /** One campaign: points of orders placed from {@code from} to {@code to} (inclusive) are multiplied. */
    record Campaign(LocalDate from, LocalDate to, BigDecimal multiplier, String name) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    static final Campaigns NONE = new Campaigns(List.of());

    private final List<Campaign> campaigns;

    private Campaigns(List<Campaign> campaigns) {
        this.campaigns = List.copyOf(campaigns);
    }

    List<Campaign> all() {
        return campaigns;
    }

    /** The campaign with the highest multiplier on {@code day}, if any. */
    Optional<Campaign> on(LocalDate day) {
        Campaign best = null;
        for (Campaign c : campaigns) {
            if (c.covers(day) && (best == null || c.multiplier().compareTo(best.multiplier()) > 0)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Parses the setting's text; adds one message per bad line to {@code problems}, naming the
     * line number, and leaves those lines out.
     */
    static Campaigns parse(String text, List<String> problems) {
        List<Campaign> result = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = LoyaltySettings.CAMPAIGNS + " line " + (i + 1) + ": ";
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(where + "'" + line + "' must look like '" + EXAMPLE + "' (first day..last day, x multiplier, name)");
                continue;
            }
            LocalDate from = date(m.group(1), where, problems);
            LocalDate to = m.group(2) == null ? from : date(m.group(2), where, problems);
            BigDecimal multiplier = multiplier(m.group(3), where, problems);
            String name = m.group(4) == null ? "" : m.group(4).trim();
            if (from == null || to == null || multiplier == null) {
                continue;
            }
            if (to.isBefore(from)) {
                problems.add(where + "the campaign ends (" + to + ") before it starts (" + from + "); write the first day first");
                continue;
            }
            if (name.length() > 80) {
                problems.add(where + "the name is longer than 80 characters");
                continue;
            }
            result.add(new Campaign(from, to, multiplier, name));
        }
        return new Campaigns(result);
    }

    private static LocalDate date(String text, String where, List<String> problems) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + "'" + text + "' is not a date; write days as YYYY-MM-DD, e.g. " + EXAMPLE);
            return null;
        }
    }

    private static BigDecimal multiplier(String text, String where, List<String> problems) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(where + "multiplier 'x" + text + "' is not a number; write it like x2 or x1.5");
            return null;
        }
        if (value.signum() <= 0 || value.compareTo(MAX_MULTIPLIER) > 0) {
            problems.add(where + "multiplier x" + text + " must be more than 0 and at most " + MAX_MULTIPLIER);
            return null;
        }
        return value;
    }
}
