package dev.patron.api.data;

/** Turns the current row into a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
