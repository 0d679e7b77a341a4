package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.scoring.Model;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RfmModelTest {

    private static RfmModel sample() {
        return new RfmModel(7, MonetaryMode.AVERAGE, SegmentTable.defaults(),
                new double[] {200, 90, 30, 10}, new double[] {1, 1, 2, 4}, new double[] {500, 1_000, 1_250.5, 9_000},
                new int[] {2, 1, 2, 1, 1}, new int[] {4, 0, 1, 1, 1}, new int[] {2, 1, 2, 1, 1},
                new TierPercents(1, 4, 15), new double[] {9_000, 9_000, 1_250.5});
    }

    @Test
    void writesEveryEntryScoringNeedsUnderItsDocumentedKey() {
        Model model = sample().toModel();
        assertThat(model.numbers()).containsOnlyKeys("version", "participants",
                "tiers.platinumPercent", "tiers.goldPercent", "tiers.ironPercent");
        assertThat(model.arrays()).containsOnlyKeys("recency.cutDays", "frequency.cutOrders", "monetary.cutMinor",
                "recency.countPerScore", "frequency.countPerScore", "monetary.countPerScore", "tiers.thresholdMinor");
        assertThat(model.texts()).containsOnlyKeys("monetary", "segments");
    }

    @Test
    void readsBackWhatItWrote() {
        Model model = sample().toModel();
        RfmModel read = RfmModel.from(model);
        assertThat(read.toModel()).isEqualTo(model);
        assertThat(read.recencyScore(10)).isEqualTo(4);
        assertThat(read.recencyScore(9)).isEqualTo(5);
        assertThat(read.recencyScore(200)).isEqualTo(1);
        assertThat(read.frequencyScore(1)).isEqualTo(1);
        assertThat(read.frequencyScore(2)).isEqualTo(3);
        assertThat(read.monetaryScore(1_250.5)).isEqualTo(3);
        assertThat(read.tierOf(9_000)).isEqualTo(ValueTier.PLATINUM);
        assertThat(read.tierOf(1_250.5)).isEqualTo(ValueTier.IRON);
        assertThat(read.tierOf(1_250)).isEqualTo(ValueTier.LEAD);
    }

    @Nested
    class Rejects {

        @Test
        void aModelOfAnotherLayoutVersion() {
            Model.Builder other = Model.builder();
            Model model = sample().toModel();
            model.arrays().forEach(other::array);
            model.texts().forEach(other::text);
            model.numbers().forEach(other::number);
            other.number("version", 2);
            assertThatThrownBy(() -> RfmModel.from(other.build()))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessage("the stored RFM model has layout version 2.0 instead of 1;"
                            + " run a full scoring run so the rfm plugin fits a new model");
        }

        @Test
        void anArrayOfTheWrongLength() {
            Model.Builder other = Model.builder();
            Model model = sample().toModel();
            model.arrays().forEach(other::array);
            model.texts().forEach(other::text);
            model.numbers().forEach(other::number);
            other.array("frequency.cutOrders", 1, 2, 3);
            assertThatThrownBy(() -> RfmModel.from(other.build()))
                    .hasMessageStartingWith("the stored RFM model has no array 'frequency.cutOrders' of 4 numbers");
        }
    }
}
