package dev.patron.plugin.lead;

/**
 * Whether one criterion is met, and why, e.g. {@code Money ✓ budget 50,000.00 ≥ 20,000.00}.
 *
 * @param explanation one line naming the criterion, the mark and the evidence
 */
record Verdict(Criterion criterion, boolean met, String explanation) {

    static final String MET = "\u2713";
    static final String NOT_MET = "\u2717";

    /** The label of the criterion's score: ✓ or ✗. */
    String mark() {
        return met ? MET : NOT_MET;
    }
}
