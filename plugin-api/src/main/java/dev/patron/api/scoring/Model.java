package dev.patron.api.scoring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a scorer learned from a population: named numbers, number arrays and texts. The host
 * stores it (as JSON) and hands it back to {@link Scorer#score} until the next fit, so it must
 * hold everything scoring needs. Immutable.
 */
public final class Model {

    /** The model of a scorer that has not been fitted or learns nothing. */
    public static final Model EMPTY = new Builder().build();

    private final Map<String, Double> numbers;
    private final Map<String, double[]> arrays;
    private final Map<String, String> texts;

    private Model(Builder builder) {
        this.numbers = Map.copyOf(builder.numbers);
        Map<String, double[]> copied = new LinkedHashMap<>();
        builder.arrays.forEach((k, v) -> copied.put(k, v.clone()));
        this.arrays = Map.copyOf(copied);
        this.texts = Map.copyOf(builder.texts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return numbers.isEmpty() && arrays.isEmpty() && texts.isEmpty();
    }

    /** The number stored under {@code name}, or null. */
    public Double number(String name) {
        return numbers.get(name);
    }

    /** A copy of the array stored under {@code name}, or null. */
    public double[] array(String name) {
        double[] values = arrays.get(name);
        return values == null ? null : values.clone();
    }

    /** The text stored under {@code name}, or null. */
    public String text(String name) {
        return texts.get(name);
    }

    public Map<String, Double> numbers() {
        return numbers;
    }

    /** Every array, as copies. */
    public Map<String, double[]> arrays() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        arrays.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public Map<String, String> texts() {
        return texts;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Model other)) {
            return false;
        }
        if (!numbers.equals(other.numbers) || !texts.equals(other.texts)
                || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        return arrays.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.arrays.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(numbers, texts, arrays.keySet());
    }

    @Override
    public String toString() {
        return "Model{numbers=" + numbers + ", arrays=" + arrays.keySet() + ", texts=" + texts + "}";
    }

    /** Collects a model's entries; not thread-safe. */
    public static final class Builder {
        private final Map<String, Double> numbers = new LinkedHashMap<>();
        private final Map<String, double[]> arrays = new LinkedHashMap<>();
        private final Map<String, String> texts = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder number(String name, double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("model number '" + name + "' must be finite, not " + value);
            }
            numbers.put(Objects.requireNonNull(name), value);
            return this;
        }

        public Builder array(String name, double... values) {
            arrays.put(Objects.requireNonNull(name), values.clone());
            return this;
        }

        public Builder text(String name, String value) {
            texts.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Model build() {
            return new Model(this);
        }
    }
}
