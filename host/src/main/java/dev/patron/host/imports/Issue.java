package dev.patron.host.imports;

/**
 * One reported row: where it is, which column and value, and why it was not imported as it stands.
 *
 * @param line the physical line in the file where the row starts (the header is line 1)
 * @param column the source column's name, or "" when the whole row is concerned
 * @param value the offending value as found (cut to 200 characters), or ""
 * @param reason what is wrong and what to do, for a person
 */
public record Issue(long line, String column, String value, IssueCode code, String reason) {

    static final int MAX_VALUE = 200;

    public Issue {
        column = column == null ? "" : column;
        value = value == null ? "" : value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "…" : value;
    }
}
