package dev.patron.host.exports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Turns the values an export hands over into the few types the writers know. */
final class ExportValues {

    private ExportValues() {
    }

    /**
     * Strings, booleans and nulls as they are; whole numbers as longs; finite doubles; decimals
     * as plain strings (money never becomes a binary float); instants and dates as ISO-8601.
     *
     * @throws RefusedRowException naming the column for any other type or a non-finite number
     */
    static Object plain(Object value, String column) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof JsonText) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new RefusedRowException("column " + column + ": " + number + " cannot be exported; pass a finite number or null");
            }
            return number;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        throw new RefusedRowException("column " + column + ": a " + value.getClass().getName() + " cannot be exported;"
                + " pass a String, Long, Integer, Double, Boolean, BigDecimal, Instant, LocalDate or null");
    }
}
