package dev.patron.host.plugins;

import dev.patron.api.settings.SettingField;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks submitted plugin settings against the plugin's declared fields: known keys only, each
 * value of its type, within its bounds, one of its choices. Values are normalised to the text
 * that is stored (e.g. " 12 " becomes "12", "TRUE" becomes "true").
 */
public final class SettingsValidator {

    private final Currency currency;

    public SettingsValidator(Currency currency) {
        this.currency = currency;
    }

    /** The outcome: normalised values with defaults filled in, or the errors. */
    public record Result(Map<String, String> values, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param submitted values by key; keys missing here keep {@code stored}, then the default
     * @param stored what is stored now
     */
    public Result validate(List<SettingField> fields, Map<String, String> submitted, Map<String, String> stored) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, SettingField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        for (String key : submitted.keySet()) {
            if (!byKey.containsKey(key)) {
                errors.add(new FieldError(key, "is not a setting of this plugin; its settings are " + String.join(", ", byKey.keySet())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : fields) {
            String raw = submitted.containsKey(field.key()) ? submitted.get(field.key())
                    : stored.getOrDefault(field.key(), field.defaultValue());
            String value = raw == null ? field.defaultValue() : raw;
            String problem = check(field, value);
            if (problem != null) {
                errors.add(new FieldError(field.key(), problem));
            } else {
                values.put(field.key(), normalise(field, value));
            }
        }
        return new Result(values, errors);
    }

    private String check(SettingField field, String value) {
        String v = value.trim();
        switch (field.type()) {
            case NUMBER, WHOLE_NUMBER, MONEY -> {
                BigDecimal number;
                try {
                    number = field.type() == dev.patron.api.settings.SettingType.MONEY
                            ? BigDecimal.valueOf(Money.parse(v, currency), currency.getDefaultFractionDigits())
                            : new BigDecimal(v);
                } catch (IllegalArgumentException e) {
                    return "'" + value + "' " + (field.type() == dev.patron.api.settings.SettingType.MONEY ? e.getMessage()
                            : "must be a number");
                }
                if (field.type() == dev.patron.api.settings.SettingType.WHOLE_NUMBER && number.stripTrailingZeros().scale() > 0) {
                    return "'" + value + "' must be a whole number";
                }
                if (field.min() != null && number.compareTo(BigDecimal.valueOf(field.min())) < 0) {
                    return "'" + value + "' must be at least " + plain(field.min());
                }
                if (field.max() != null && number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
                    return "'" + value + "' must be at most " + plain(field.max());
                }
                return null;
            }
            case BOOLEAN -> {
                return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "'" + value + "' must be true or false";
            }
            case CHOICE -> {
                return field.choices().contains(v) ? null : "'" + value + "' must be one of " + String.join(", ", field.choices());
            }
            case DURATION -> {
                try {
                    Duration.parse(v);
                    return null;
                } catch (DateTimeParseException e) {
                    return "'" + value + "' must be an ISO-8601 duration such as P30D (30 days) or PT12H (12 hours)";
                }
            }
            default -> {
                return value.length() > 100_000 ? "is longer than 100,000 characters" : null;
            }
        }
    }

    private static String normalise(SettingField field, String value) {
        return switch (field.type()) {
            case TEXT -> value;
            case BOOLEAN -> value.trim().toLowerCase(java.util.Locale.ROOT);
            default -> value.trim();
        };
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
