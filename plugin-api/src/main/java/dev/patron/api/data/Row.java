package dev.patron.api.data;

/** The current row of a query result, by column label (case-insensitive). Nulls come back as null. */
public interface Row {

    String text(String column);

    /** A whole number; null when SQL NULL. */
    Long whole(String column);

    /** A floating-point number; null when SQL NULL. */
    Double decimal(String column);

    /** A boolean stored as 0/1 or true/false; null when SQL NULL. */
    Boolean bool(String column);
}
