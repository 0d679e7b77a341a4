package dev.patron.plugin.rfm;

import dev.patron.api.PatronPluginException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a segment for every combination of R, F and M scores (125 cells).
 *
 * <p>A table is text, one row per line: {@code name | R | F | M}, optionally followed by
 * {@code | meaning}, a short phrase shown in the segment's explanation. R, F and M are a score
 * ({@code 5}) or an inclusive range ({@code 4-5}, {@code 1-5}). A segment may have several rows,
 * which lets irregular shapes on the grid be written as a few rectangles. Blank lines and lines
 * starting with {@code #} are ignored. Leaving the meaning out of a row whose name is one of the
 * built-in segments reuses the built-in meaning.
 *
 * <p>A table is only accepted when every cell belongs to exactly one segment: a gap would leave
 * customers without a segment and an overlap would make the segment depend on row order, and
 * both are mistakes a person should see when saving the table rather than discover in reports.
 * The built-in table passes the same check.
 */
public final class SegmentTable {

    /**
     * The built-in table, on the usual R x F grid: recency and frequency decide, every row spans
     * M 1-5 so spend never moves a customer between segments (spend has the {@code tier} score).
     */
    static final String DEFAULT_TEXT = String.join("\n",
            "# name             | R   | F   | M   | meaning",
            "Champions          | 5   | 4-5 | 1-5 | bought very recently and buy often",
            "Loyal Customers    | 3-4 | 4-5 | 1-5 | buy often and bought not long ago",
            "Potential Loyalist | 4-5 | 2-3 | 1-5 | recent buyers with a few orders who could become regulars",
            "New Customers      | 5   | 1   | 1-5 | placed their only order very recently",
            "Promising          | 4   | 1   | 1-5 | one fairly recent order; a second purchase would make them regulars",
            "Need Attention     | 3   | 3   | 1-5 | middling recency and frequency; a reminder keeps them buying",
            "About To Sleep     | 3   | 1-2 | 1-5 | few orders and the last one is getting old",
            "At Risk            | 1-2 | 3-4 | 1-5 | used to buy regularly but have not ordered for a long time",
            "Can't Lose Them    | 1-2 | 5   | 1-5 | among the most frequent buyers but quiet for a long time",
            "Hibernating        | 2   | 1-2 | 1-5 | few orders, long ago",
            "Lost               | 1   | 1-2 | 1-5 | few orders, the longest ago of all");

    /** Number of R/F/M cells. */
    static final int CELLS = 125;

    private static final String ROW_FORM = "'name | R | F | M' (optionally followed by '| meaning'),"
            + " where R, F and M are a score 1-5 or a range such as 4-5";
    private static final Pattern RANGE = Pattern.compile("([1-5])(?:\\s*-\\s*([1-5]))?");
    private static final int LISTED_CELLS = 25;

    private final List<Row> rows;
    private final List<String> names;
    private final List<String> meanings;
    private final int[] segmentOfCell;

    private SegmentTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        Map<String, String> meaningByName = new LinkedHashMap<>();
        for (Row row : rows) {
            String known = meaningByName.get(row.name());
            if (known == null || known.isEmpty()) {
                meaningByName.put(row.name(), row.meaning());
            }
        }
        meaningByName.replaceAll((name, meaning) -> meaning.isEmpty() ? Defaults.meaningOf(name) : meaning);
        this.names = List.copyOf(meaningByName.keySet());
        this.meanings = List.copyOf(meaningByName.values());
        this.segmentOfCell = assignCells();
    }

    /** The built-in table (parsed and validated once). */
    public static SegmentTable defaults() {
        return Defaults.TABLE;
    }

    /**
     * Parses and validates a table written as described in the class comment.
     *
     * @throws PatronPluginException for a malformed line (naming its number and the expected
     *     form), a table without rows, or a table that leaves cells without a segment or puts a
     *     cell in more than one (listing those cells)
     */
    public static SegmentTable parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.split("\\R", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                rows.add(parseRow(line, i + 1));
            }
        }
        if (rows.isEmpty()) {
            throw new PatronPluginException("setting '" + RfmSettings.SEGMENTS + "' has no rows; write one row per line as "
                    + ROW_FORM + ", or remove the setting to use the built-in table");
        }
        return new SegmentTable(rows);
    }

    /** The segment of a customer with these scores (each 1..5). */
    public String segmentName(int r, int f, int m) {
        return names.get(segmentIndex(r, f, m));
    }

    /** The short meaning of the segment of these scores; empty when the table gives none. */
    public String meaning(int r, int f, int m) {
        return meanings.get(segmentIndex(r, f, m));
    }

    /** The distinct segment names in order of first appearance. */
    public List<String> segmentNames() {
        return names;
    }

    /**
     * The table in canonical form (one row per line, no comments), which {@link #parse} reads
     * back to an equal table. This is what the model stores.
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(row.name()).append(" | ").append(row.r()).append(" | ").append(row.f())
                    .append(" | ").append(row.m());
            if (!row.meaning().isEmpty()) {
                text.append(" | ").append(row.meaning());
            }
        }
        return text.toString();
    }

    int segmentIndex(int r, int f, int m) {
        return segmentOfCell[cell(r, f, m)];
    }

    /** Index of a cell: R major, then F, then M, all 1-based scores. */
    static int cell(int r, int f, int m) {
        return (r - 1) * 25 + (f - 1) * 5 + (m - 1);
    }

    /** The cell's name as shown in messages, e.g. {@code R5F4M3}. */
    static String cellName(int cell) {
        return "R" + (cell / 25 + 1) + "F" + (cell / 5 % 5 + 1) + "M" + (cell % 5 + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentTable other && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "SegmentTable" + names;
    }

    private int[] assignCells() {
        BitSet[] covering = new BitSet[CELLS];
        for (int cell = 0; cell < CELLS; cell++) {
            covering[cell] = new BitSet();
        }
        for (Row row : rows) {
            int segment = names.indexOf(row.name());
            for (int r = row.r().from(); r <= row.r().to(); r++) {
                for (int f = row.f().from(); f <= row.f().to(); f++) {
                    for (int m = row.m().from(); m <= row.m().to(); m++) {
                        covering[cell(r, f, m)].set(segment);
                    }
                }
            }
        }
        List<String> gaps = new ArrayList<>();
        List<String> overlaps = new ArrayList<>();
        int mostSegmentsInACell = 0;
        int[] assignment = new int[CELLS];
        for (int cell = 0; cell < CELLS; cell++) {
            int count = covering[cell].cardinality();
            if (count == 0) {
                gaps.add(cellName(cell));
            } else if (count > 1) {
                List<String> overlapping = new ArrayList<>();
                covering[cell].stream().forEach(segment -> overlapping.add(names.get(segment)));
                overlaps.add(cellName(cell) + " (" + String.join(", ", overlapping) + ")");
                mostSegmentsInACell = Math.max(mostSegmentsInACell, count);
            } else {
                assignment[cell] = covering[cell].nextSetBit(0);
            }
        }
        if (!gaps.isEmpty() || !overlaps.isEmpty()) {
            throw new PatronPluginException(coverageMessage(gaps, overlaps, mostSegmentsInACell));
        }
        return assignment;
    }

    private static String coverageMessage(List<String> gaps, List<String> overlaps, int mostSegmentsInACell) {
        StringBuilder message = new StringBuilder("setting '" + RfmSettings.SEGMENTS + "': the segment table ");
        if (!gaps.isEmpty()) {
            message.append("leaves ").append(cells(gaps.size())).append(" without a segment: ").append(listed(gaps));
        }
        if (!overlaps.isEmpty()) {
            message.append(gaps.isEmpty() ? "puts " : "; and ").append(cells(overlaps.size()))
                    .append(mostSegmentsInACell == 2 ? " in two segments: " : " in more than one segment: ")
                    .append(listed(overlaps));
        }
        return message.append(". Give every R/F/M cell exactly one segment.").toString();
    }

    private static String cells(int count) {
        return count + (count == 1 ? " cell" : " cells");
    }

    private static String listed(List<String> items) {
        if (items.size() <= LISTED_CELLS) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED_CELLS)) + " and " + (items.size() - LISTED_CELLS) + " more";
    }

    private static Row parseRow(String line, int lineNumber) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 4 && fields.length != 5) {
            throw malformed(lineNumber, line, "it has " + fields.length + (fields.length == 1 ? " field" : " fields"));
        }
        String name = fields[0].strip();
        if (name.isEmpty()) {
            throw malformed(lineNumber, line, "the segment name is empty");
        }
        ScoreRange r = parseRange(fields[1], "R", lineNumber, line);
        ScoreRange f = parseRange(fields[2], "F", lineNumber, line);
        ScoreRange m = parseRange(fields[3], "M", lineNumber, line);
        String meaning = fields.length == 5 ? fields[4].strip() : "";
        return new Row(name, r, f, m, meaning);
    }

    private static ScoreRange parseRange(String field, String dimension, int lineNumber, String line) {
        Matcher matcher = RANGE.matcher(field.strip());
        if (!matcher.matches()) {
            throw malformed(lineNumber, line, dimension + " '" + field.strip() + "' is not a score 1-5 or a range such as 4-5");
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2));
        if (from > to) {
            throw malformed(lineNumber, line, dimension + " range '" + field.strip() + "' runs backwards; write it as "
                    + to + "-" + from);
        }
        return new ScoreRange(from, to);
    }

    private static PatronPluginException malformed(int lineNumber, String line, String problem) {
        return new PatronPluginException("setting '" + RfmSettings.SEGMENTS + "', line " + lineNumber + ": " + problem
                + " in '" + line + "'; write each row as " + ROW_FORM);
    }

    /** An inclusive range of scores. */
    record ScoreRange(int from, int to) {
        @Override
        public String toString() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }
    }

    /** One row of the table. */
    record Row(String name, ScoreRange r, ScoreRange f, ScoreRange m, String meaning) {
    }

    /** Holds the built-in table; a nested class so that it is parsed on first use only. */
    private static final class Defaults {
        static final SegmentTable TABLE = parse(DEFAULT_TEXT);

        static String meaningOf(String name) {
            int index = TABLE.names.indexOf(name);
            return index < 0 ? "" : TABLE.meanings.get(index);
        }

        private Defaults() {
        }
    }
}
