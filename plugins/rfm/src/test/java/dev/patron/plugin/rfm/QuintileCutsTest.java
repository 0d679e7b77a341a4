package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuintileCutsTest {

    private static int[] scoresOf(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] cuts = QuintileCuts.fromSorted(sorted, sorted.length);
        return Arrays.stream(values).mapToInt(v -> QuintileCuts.score(v, cuts)).toArray();
    }

    @Test
    void fiveValuesGetOneScoreEach() {
        // n = 5: c_k = sorted[ceil(k*5/5) - 1] = sorted[k - 1] = 10, 20, 30, 40
        assertThat(QuintileCuts.fromSorted(new double[] {10, 20, 30, 40, 50}, 5)).containsExactly(10, 20, 30, 40);
        assertThat(scoresOf(30, 10, 50, 20, 40)).containsExactly(3, 1, 5, 2, 4);
    }

    @Test
    void tenValuesGetTwoPerScore() {
        // n = 10: c_k = sorted[2k - 1] = 2, 4, 6, 8
        double[] values = IntStream.rangeClosed(1, 10).asDoubleStream().toArray();
        assertThat(QuintileCuts.fromSorted(values, 10)).containsExactly(2, 4, 6, 8);
        assertThat(scoresOf(values)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void sevenValuesUseTheCeilingOfTheRank() {
        // n = 7: ceil(7/5)=2, ceil(14/5)=3, ceil(21/5)=5, ceil(28/5)=6 -> sorted[1], [2], [4], [5] = 2, 3, 5, 6
        double[] values = IntStream.rangeClosed(1, 7).asDoubleStream().toArray();
        assertThat(QuintileCuts.fromSorted(values, 7)).containsExactly(2, 3, 5, 6);
        assertThat(scoresOf(values)).containsExactly(1, 1, 2, 3, 3, 4, 5);
        assertThat(QuintileCuts.countsPerScore(values, 7, new double[] {2, 3, 5, 6})).containsExactly(2, 1, 2, 1, 1);
    }

    @Test
    void equalValuesAlwaysGetEqualScores() {
        int[] scores = scoresOf(1, 2, 2, 2, 3, 4, 4, 5, 6, 7);
        assertThat(scores[1]).isEqualTo(scores[2]).isEqualTo(scores[3]);
        assertThat(scores[5]).isEqualTo(scores[6]);
    }

    @Test
    void heavyTiesCollapseOntoTheLowerScoreAndTheNextValueSkipsScores() {
        // 60% bought once: sorted 1,1,1,1,1,1,2,2,3,7 -> cuts sorted[1,3,5,7] = 1, 1, 1, 2
        int[] scores = scoresOf(1, 1, 1, 1, 1, 1, 2, 2, 3, 7);
        assertThat(scores).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
        double[] sorted = {1, 1, 1, 1, 1, 1, 2, 2, 3, 7};
        assertThat(QuintileCuts.countsPerScore(sorted, 10, QuintileCuts.fromSorted(sorted, 10)))
                .containsExactly(6, 0, 0, 2, 2);
    }

    @Test
    void scoresNeverDecreaseAsTheValueGrows() {
        double[] sorted = {3, 3, 8, 9, 9, 9, 12, 40, 41, 41, 41, 100, 250};
        double[] cuts = QuintileCuts.fromSorted(sorted, sorted.length);
        int previous = 1;
        for (double v = 0; v <= 300; v += 0.5) {
            int score = QuintileCuts.score(v, cuts);
            assertThat(score).isBetween(previous, 5);
            previous = score;
        }
    }

    @Test
    void aSingleCustomerScoresOneAndAHigherNewValueScoresFive() {
        double[] cuts = QuintileCuts.fromSorted(new double[] {42}, 1);
        assertThat(cuts).containsExactly(42, 42, 42, 42);
        assertThat(QuintileCuts.score(42, cuts)).isEqualTo(1);
        assertThat(QuintileCuts.score(43, cuts)).isEqualTo(5);
    }

    @Test
    void countsPerScoreMatchTheScoresOfTheFittedValues() {
        double[] sorted = {1, 2, 2, 3, 5, 5, 5, 8, 13, 21, 34, 34};
        double[] cuts = QuintileCuts.fromSorted(sorted, sorted.length);
        int[] expected = new int[5];
        for (double v : sorted) {
            expected[QuintileCuts.score(v, cuts) - 1]++;
        }
        assertThat(QuintileCuts.countsPerScore(sorted, sorted.length, cuts)).containsExactly(expected);
    }

    @Nested
    class Rejects {
        @Test
        void anEmptyPopulation() {
            assertThatThrownBy(() -> QuintileCuts.fromSorted(new double[0], 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
