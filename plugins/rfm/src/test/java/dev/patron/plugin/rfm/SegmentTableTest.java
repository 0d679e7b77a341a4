package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SegmentTableTest {

    private static final String ALL_OTHERS = "Others | 1-5 | 1-5 | 1-5";

    @Test
    void theDefaultTableHasTheElevenUsualSegments() {
        assertThat(SegmentTable.defaults().segmentNames()).containsExactly(
                "Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising",
                "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost");
    }

    @Test
    void theDefaultTableGivesEveryOneOfThe125CellsExactlyOneSegment() {
        // parse() rejects gaps and overlaps, so parsing the built-in text is the proof; count anyway
        SegmentTable table = SegmentTable.parse(SegmentTable.DEFAULT_TEXT);
        Set<String> cells = new HashSet<>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertThat(table.segmentName(r, f, m)).isIn(table.segmentNames());
                    cells.add(SegmentTable.cellName(SegmentTable.cell(r, f, m)));
                }
            }
        }
        assertThat(cells).hasSize(125);
    }

    @Test
    void theDefaultTableFollowsTheRecencyFrequencyGridForEverySpend() {
        String[][] grid = { // rows R5..R1, columns F1..F5
            {"New Customers", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},
            {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal Customers", "Loyal Customers"},
            {"About To Sleep", "About To Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"},
            {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
            {"Lost", "Lost", "At Risk", "At Risk", "Can't Lose Them"},
        };
        SegmentTable table = SegmentTable.defaults();
        for (int r = 5; r >= 1; r--) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    assertThat(table.segmentName(r, f, m)).as("R%dF%dM%d", r, f, m).isEqualTo(grid[5 - r][f - 1]);
                }
            }
        }
    }

    @Test
    void everyDefaultSegmentHasAMeaning() {
        SegmentTable table = SegmentTable.defaults();
        assertThat(table.meaning(5, 5, 5)).isEqualTo("bought very recently and buy often");
        for (int cell = 0; cell < SegmentTable.CELLS; cell++) {
            assertThat(table.meaning(cell / 25 + 1, cell / 5 % 5 + 1, cell % 5 + 1)).isNotBlank();
        }
    }

    @Test
    void aSegmentMayHaveSeveralRowsAndCommentsAndBlankLinesAreIgnored() {
        SegmentTable table = SegmentTable.parse("""
                # spend splits the top row
                Big spenders | 5   | 1-5 | 4-5 | recent and spend a lot

                Regulars     | 5   | 1-5 | 1-3
                Regulars     | 1-4 | 1-5 | 1-5
                """);
        assertThat(table.segmentNames()).containsExactly("Big spenders", "Regulars");
        assertThat(table.segmentName(5, 1, 5)).isEqualTo("Big spenders");
        assertThat(table.segmentName(5, 1, 3)).isEqualTo("Regulars");
        assertThat(table.segmentName(1, 1, 5)).isEqualTo("Regulars");
        assertThat(table.meaning(5, 2, 4)).isEqualTo("recent and spend a lot");
        assertThat(table.meaning(2, 2, 2)).isEmpty();
    }

    @Test
    void rowsOfOneSegmentMayOverlapEachOther() {
        SegmentTable table = SegmentTable.parse("Everyone | 1-5 | 1-5 | 1-5\nEveryone | 5 | 5 | 5");
        assertThat(table.segmentName(5, 5, 5)).isEqualTo("Everyone");
    }

    @Test
    void aRowWithoutMeaningNamedLikeABuiltInSegmentReusesItsMeaning() {
        SegmentTable table = SegmentTable.parse("Lost | 1-5 | 1-5 | 1-5");
        assertThat(table.meaning(3, 3, 3)).isEqualTo("few orders, the longest ago of all");
    }

    @Test
    void theCanonicalTextParsesBackToAnEqualTable() {
        SegmentTable table = SegmentTable.parse("# comment\n  A|1-5|1-2|1-5|  low frequency \nB | 1-5 | 3-5 | 1-5\n");
        assertThat(table.toText()).isEqualTo("A | 1-5 | 1-2 | 1-5 | low frequency\nB | 1-5 | 3-5 | 1-5");
        assertThat(SegmentTable.parse(table.toText())).isEqualTo(table);
        assertThat(SegmentTable.parse(SegmentTable.defaults().toText())).isEqualTo(SegmentTable.defaults());
    }

    @Nested
    class Rejects {

        @Test
        void aGapListingTheCellsWithoutASegment() {
            assertThatThrownBy(() -> SegmentTable.parse("""
                    Low  | 1 | 1 | 3-5
                    Rest | 2-5 | 1-5 | 1-5
                    Rest | 1 | 2-5 | 1-5
                    """))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessage("setting 'segments': the segment table leaves 2 cells without a segment: "
                            + "R1F1M1, R1F1M2. Give every R/F/M cell exactly one segment.");
        }

        @Test
        void anOverlapListingTheCellsAndTheSegmentsThatShareThem() {
            assertThatThrownBy(() -> SegmentTable.parse(ALL_OTHERS + "\nChampions | 5 | 5 | 5"))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessage("setting 'segments': the segment table puts 1 cell in two segments: "
                            + "R5F5M5 (Others, Champions). Give every R/F/M cell exactly one segment.");
        }

        @Test
        void gapsAndOverlapsTogetherInOneMessage() {
            assertThatThrownBy(() -> SegmentTable.parse("""
                    Champions       | 5   | 4-5 | 1-5
                    Loyal Customers | 3-5 | 5   | 5
                    Lost            | 1   | 1   | 3-5
                    Rest            | 2-5 | 1-3 | 1-5
                    Rest            | 1   | 2-5 | 1-5
                    Rest            | 2-4 | 4   | 1-5
                    Rest            | 2-4 | 5   | 1-4
                    Rest            | 2   | 5   | 5
                    """))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessage("setting 'segments': the segment table leaves 2 cells without a segment: "
                            + "R1F1M1, R1F1M2; and 1 cell in two segments: R5F5M5 (Champions, Loyal Customers)."
                            + " Give every R/F/M cell exactly one segment.");
        }

        @Test
        void aCellInThreeSegments() {
            assertThatThrownBy(() -> SegmentTable.parse(ALL_OTHERS + "\nA | 1 | 1 | 1\nB | 1 | 1 | 1"))
                    .hasMessageContaining("1 cell in more than one segment: R1F1M1 (Others, A, B)");
        }

        @Test
        void aTableThatLeavesManyCellsEmptyListsTheFirstOnes() {
            assertThatThrownBy(() -> SegmentTable.parse("Only | 5 | 5 | 5"))
                    .hasMessageStartingWith("setting 'segments': the segment table leaves 124 cells without a segment: "
                            + "R1F1M1, R1F1M2,")
                    .hasMessageContaining(" and 99 more.");
        }

        @Test
        void aLineWithTooFewFieldsNamingItsLineNumber() {
            assertThatThrownBy(() -> SegmentTable.parse("# header\n" + ALL_OTHERS + "\n\nBroken | 5 | 4-5\n"))
                    .isInstanceOf(PatronPluginException.class)
                    .hasMessage("setting 'segments', line 4: it has 3 fields in 'Broken | 5 | 4-5'; write each row as"
                            + " 'name | R | F | M' (optionally followed by '| meaning'), where R, F and M are a score"
                            + " 1-5 or a range such as 4-5");
        }

        @Test
        void aScoreOutsideOneToFive() {
            assertThatThrownBy(() -> SegmentTable.parse(ALL_OTHERS + "\nBroken | 6 | 1 | 1"))
                    .hasMessageStartingWith("setting 'segments', line 2: R '6' is not a score 1-5 or a range such as 4-5");
        }

        @Test
        void aRangeWrittenBackwards() {
            assertThatThrownBy(() -> SegmentTable.parse("Broken | 1-5 | 5-1 | 1-5"))
                    .hasMessageStartingWith("setting 'segments', line 1: F range '5-1' runs backwards; write it as 1-5");
        }

        @Test
        void aRowWithoutAName() {
            assertThatThrownBy(() -> SegmentTable.parse(" | 1-5 | 1-5 | 1-5"))
                    .hasMessageStartingWith("setting 'segments', line 1: the segment name is empty");
        }

        @Test
        void aTableWithOnlyComments() {
            assertThatThrownBy(() -> SegmentTable.parse("# nothing here\n"))
                    .hasMessageStartingWith("setting 'segments' has no rows;")
                    .hasMessageContaining("remove the setting to use the built-in table");
        }
    }
}
