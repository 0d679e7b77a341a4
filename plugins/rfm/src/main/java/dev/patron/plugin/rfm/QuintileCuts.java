package dev.patron.plugin.rfm;

/**
 * The quintile rule shared by R, F and M, on values oriented so that larger is better.
 *
 * <p>With the {@code n} values sorted ascending, cut point {@code c_k} (k = 1..4) is
 * {@code sorted[ceil(k*n/5) - 1]} and a value scores {@code 1 + #{k : value > c_k}}. The rule
 * was chosen over "rank, then split into five equal groups" because it depends only on the value
 * and the four cut points: equal values always get equal scores, scores never decrease as the
 * value grows, and a new customer can be scored from the stored cut points alone. The price is
 * that heavy ties do not spread evenly: if 60% of customers bought once, all of them score F1 and
 * the next distinct value may jump straight to F4. A single customer scores 1 in every dimension,
 * because no value is greater than itself.
 */
final class QuintileCuts {

    /** Number of cut points; scores run from 1 to {@code CUT_COUNT + 1}. */
    static final int CUT_COUNT = 4;

    /** Highest score. */
    static final int TOP_SCORE = CUT_COUNT + 1;

    private QuintileCuts() {
    }

    /**
     * The four cut points of {@code sorted[0..n)}, which must be sorted ascending.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    static double[] fromSorted(double[] sorted, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("quintile cut points need at least one value");
        }
        double[] cuts = new double[CUT_COUNT];
        for (int k = 1; k <= CUT_COUNT; k++) {
            long rank = ((long) k * n + TOP_SCORE - 1) / TOP_SCORE; // ceil(k*n/5), exact in integers
            cuts[k - 1] = sorted[(int) rank - 1];
        }
        return cuts;
    }

    /** The score 1..5 of {@code value} against ascending {@code cuts}: four comparisons, no allocation. */
    static int score(double value, double[] cuts) {
        int score = 1;
        for (double cut : cuts) {
            if (value > cut) {
                score++;
            } else {
                break; // cuts ascend, so no later cut can be below the value either
            }
        }
        return score;
    }

    /**
     * How many of {@code sorted[0..n)} get each score; index 0 holds score 1. Used to word
     * explanations with the real share of customers, which ties can make larger than 20%.
     */
    static int[] countsPerScore(double[] sorted, int n, double[] cuts) {
        int[] counts = new int[TOP_SCORE];
        int below = 0;
        for (int k = 0; k < CUT_COUNT; k++) {
            int atOrBelowCut = upperBound(sorted, n, cuts[k]);
            counts[k] = atOrBelowCut - below;
            below = atOrBelowCut;
        }
        counts[CUT_COUNT] = n - below;
        return counts;
    }

    /** Number of values in ascending {@code sorted[0..n)} that are {@code <= key}. */
    private static int upperBound(double[] sorted, int n, double key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
