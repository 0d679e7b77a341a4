package dev.patron.plugin.churn;

import dev.patron.api.alerts.Severity;
import java.util.Locale;

/**
 * How urgent a churn alert is: it grows with what the customer is worth.
 *
 * <ul>
 *   <li>From the rfm plugin's {@code tier}: Platinum → CRITICAL, Gold → WARNING, any other tier → INFO.</li>
 *   <li>From the clv plugin's {@code clv} (when {@code useClv} and the customer has one): from
 *       {@code clvCritical} → CRITICAL, from {@code clvWarning} → WARNING, below → INFO.</li>
 *   <li>The alert takes the higher of the two; with neither score it is INFO.</li>
 * </ul>
 *
 * The same severity applies whichever rule fired: losing a Platinum customer is urgent whether they
 * are overdue or spending less.
 *
 * @param clvWarning CLV in major units of the shop currency
 * @param clvCritical CLV in major units of the shop currency, at least {@code clvWarning}
 */
record SeverityPolicy(boolean useClv, double clvWarning, double clvCritical) {

    static final String PLATINUM = "Platinum";
    static final String GOLD = "Gold";

    /** A severity with the sentence that justifies it. */
    record Verdict(Severity severity, String explanation) {
    }

    Verdict of(String tier, Double clv, Money money) {
        Severity byTier = tier == null ? Severity.INFO
                : tier.equalsIgnoreCase(PLATINUM) ? Severity.CRITICAL
                : tier.equalsIgnoreCase(GOLD) ? Severity.WARNING : Severity.INFO;
        Severity byClv = Severity.INFO;
        boolean clvCounts = useClv && clv != null;
        if (clvCounts) {
            byClv = clv >= clvCritical ? Severity.CRITICAL : clv >= clvWarning ? Severity.WARNING : Severity.INFO;
        }
        Severity severity = byTier.compareTo(byClv) >= 0 ? byTier : byClv;
        String tierText = tier == null ? "no RFM tier" : "RFM tier " + tier;
        String why;
        if (!clvCounts) {
            why = tier == null && useClv ? "no RFM tier or CLV" : tierText;
        } else {
            String clvText = "CLV " + money.major(clv) + (byClv == Severity.CRITICAL ? " ≥ " + money.major(clvCritical)
                    : byClv == Severity.WARNING ? " ≥ " + money.major(clvWarning) : " < " + money.major(clvWarning));
            why = byClv.compareTo(byTier) > 0 ? clvText + " outranks " + tierText : tierText + "; " + clvText;
        }
        return new Verdict(severity, "Severity " + severity.name().toLowerCase(Locale.ROOT) + ": " + why);
    }
}
