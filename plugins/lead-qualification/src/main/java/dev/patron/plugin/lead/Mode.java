package dev.patron.plugin.lead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The qualification rule in force: MAN (Money, Authority, Need) or BANT (Budget = Money,
 * Authority, Need, Timeline). A mode decides which criteria count, the class of each
 * combination and the priority, a total order of all combinations.
 *
 * <p><b>MAN priorities</b> (higher is followed up first):
 * <pre>
 *   M+A+N 100  qualified prospect: follow up now
 *   M+A    80  potential: money and authority, need not yet stated; a priority to develop
 *   A+N    70  potential: the decision maker wants it; budget can be found (financing, a smaller first order)
 *   M+N    60  potential: money and need, but nobody who decides; first find the decision maker
 *   M      40  lead: a budget is the one thing sales cannot create
 *   A      30  lead: a decision maker can develop need and money inside their own organisation
 *   N      20  lead: a need alone is an early signal (often someone researching)
 *   none    0  not a target
 * </pre>
 * Among pairs, what is <em>missing</em> decides: developing a need is the core of selling, so
 * M+A leads; money can be arranged for a willing decision maker, so A+N comes next; finding the
 * person who decides is the slowest, so M+N is last. Among singles, which go to automated nurture
 * anyway, what is <em>present</em> decides: the scarcest asset (money) first.
 *
 * <p><b>BANT</b> adds Timeline (a purchase date within N days). Classes: all four qualified,
 * three potential, one or two lead, none not a target. Priorities keep the MAN order and treat a
 * missing timeline as the easiest gap (a date follows once the rest is in place), a present
 * timeline as the weakest asset:
 * <pre>
 *   M+A+N+T 100
 *   M+A+N 90, M+A+T 85, A+N+T 80, M+N+T 75            (potential: missing T, N, M, A)
 *   M+A 60, A+N 55, M+N 50, M+T 45, A+T 40, N+T 35    (lead)
 *   M 20, A 15, N 10, T 5                             (lead)
 *   none 0                                            (not a target)
 * </pre>
 * Converted leads (customers who bought) get priority 0 whatever their combination; they leave
 * the follow-up queue.
 */
enum Mode {
    MAN("man", List.of(Criterion.MONEY, Criterion.AUTHORITY, Criterion.NEED), new int[] {
        // index = mask (M=1, A=2, N=4)
        0, 40, 30, 80, 20, 60, 70, 100}),
    BANT("bant", List.of(Criterion.MONEY, Criterion.AUTHORITY, Criterion.NEED, Criterion.TIMELINE), new int[] {
        // 0  M   A   MA  N   MN  AN  MAN
        0, 20, 15, 60, 10, 50, 55, 90,
        // T  MT  AT  MAT NT  MNT ANT MANT
        5, 45, 40, 85, 35, 75, 80, 100});

    private final String code;
    private final List<Criterion> criteria;
    private final int[] priorities;
    private final int all;

    Mode(String code, List<Criterion> criteria, int[] priorities) {
        this.code = code;
        this.criteria = criteria;
        this.priorities = priorities;
        int mask = 0;
        for (Criterion criterion : criteria) {
            mask |= criterion.bit();
        }
        this.all = mask;
    }

    /** The setting value, {@code man} or {@code bant}. */
    String code() {
        return code;
    }

    /** The criteria this mode checks, in the order of combination labels. */
    List<Criterion> criteria() {
        return criteria;
    }

    /** The follow-up priority of a combination (a mask of criterion bits). */
    int priority(int mask) {
        return priorities[mask & all];
    }

    /** The class of a combination for a lead who has not bought. */
    LeadClass classOf(int mask) {
        int met = Integer.bitCount(mask & all);
        if (met == criteria.size()) {
            return LeadClass.QUALIFIED;
        }
        if (met == 0) {
            return LeadClass.NOT_TARGET;
        }
        if (this == MAN) {
            return met == 2 ? LeadClass.POTENTIAL : LeadClass.LEAD;
        }
        return met == 3 ? LeadClass.POTENTIAL : LeadClass.LEAD;
    }

    /** The combination's label: the met criteria's letters joined by {@code +} ({@code M+A}), or {@code none}. */
    String label(int mask) {
        StringBuilder label = new StringBuilder();
        for (Criterion criterion : criteria) {
            if ((mask & criterion.bit()) != 0) {
                if (label.length() > 0) {
                    label.append('+');
                }
                label.append(criterion.letter());
            }
        }
        return label.length() == 0 ? "none" : label.toString();
    }

    /** Every combination of this mode, highest priority first: the total order. */
    List<Integer> ranked() {
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask <= all; mask++) {
            if ((mask & ~all) == 0) {
                masks.add(mask);
            }
        }
        masks.sort(Collections.reverseOrder((x, y) -> Integer.compare(priority(x), priority(y))));
        return masks;
    }

    /** The mode with this setting value (case-insensitive), or null. */
    static Mode fromCode(String code) {
        String normalised = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.code.equals(normalised)) {
                return mode;
            }
        }
        return null;
    }
}
