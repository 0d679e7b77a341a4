package dev.patron.api.scoring;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named result for one customer: a number, a label, or both, with a one-line explanation a
 * shop assistant understands ("R5: last order 3 days ago (most recent 20% of customers)").
 *
 * @param name lower-case identifier, unique within the plugin, e.g. {@code segment}
 * @param value the numeric result, or null when the score is only a label
 * @param label the textual result, or null when the score is only a number
 * @param explanation why the customer got this result; never blank
 */
public record Score(String name, Double value, String label, String explanation) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public Score {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("score name '" + name
                    + "' must be lower case letters, digits and '_', starting with a letter (at most 64)");
        }
        if (value == null && label == null) {
            throw new IllegalArgumentException("score '" + name + "' needs a value or a label");
        }
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException("score '" + name + "' must be a finite number, not " + value);
        }
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("score '" + name + "' needs an explanation");
        }
    }

    /** A numeric score. */
    public static Score numeric(String name, double value, String explanation) {
        return new Score(name, value, null, explanation);
    }

    /** A label score. */
    public static Score labelled(String name, String label, String explanation) {
        return new Score(name, null, label, explanation);
    }
}
