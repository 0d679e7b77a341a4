package dev.patron.host.web.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Locale;

/**
 * Money, numbers and dates for one reader of the console: written for their language (English
 * or Simplified Chinese) in the shop's currency and time zone, by {@code java.text} and
 * {@code java.time} with the CLDR data of the JDK.
 *
 * <ul>
 *   <li>money in the shop currency as CLDR writes it in that language: English {@code £1,234.56},
 *       {@code $1,234.56}; Chinese {@code £1,234.56}, {@code US$1,234.56}, {@code ¥1,234.56};</li>
 *   <li>dates in the language's medium style: English day month year {@code 23 Nov 2026},
 *       Chinese {@code 2026年11月23日};</li>
 *   <li>times of day on the 24-hour clock: {@code 23 Nov 2026, 09:05}, {@code 2026年11月23日 09:05}.</li>
 * </ul>
 *
 * <p>Host templates and plugin templates see one as {@code fmt}: {@code ${fmt.money(order.amountMinor())}},
 * {@code ${fmt.date(order.placedAt())}}. Dates and times accept an {@link Instant}, a
 * {@link LocalDate}, a zoned or offset date-time, epoch milliseconds, or ISO-8601 text; nothing
 * (null) is written as a dash. One instance serves one request (the formatters are not thread-safe).
 */
public final class LocaleFormats {

    private static final String NOTHING = "—";

    private final Locale locale;
    private final Currency currency;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private NumberFormat moneyFormat;
    private NumberFormat numberFormat;
    private NumberFormat countFormat;

    /**
     * @param locale the reader's language: Chinese for {@code zh}, else English
     * @param currency the shop currency
     * @param zone the shop time zone, in which instants are shown
     */
    public LocaleFormats(Locale locale, Currency currency, ZoneId zone) {
        boolean chinese = locale.getLanguage().equals("zh");
        this.locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        this.currency = currency;
        this.zone = zone;
        // English dates day month year ("23 Nov 2026", as in British and most international English).
        Locale dates = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.UK;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(dates);
        this.dateTime = chinese
                ? DateTimeFormatter.ofPattern(pattern(dates) + " HH:mm", dates)
                : DateTimeFormatter.ofPattern(pattern(dates) + ", HH:mm", dates);
    }

    private static String pattern(Locale locale) {
        return java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, null,
                java.time.chrono.IsoChronology.INSTANCE, locale);
    }

    public Locale locale() {
        return locale;
    }

    public Currency currency() {
        return currency;
    }

    /** An amount in minor units of the shop currency (e.g. pence), e.g. {@code £1,234.56}. */
    public String money(long minorUnits) {
        return moneyFormat().format(BigDecimal.valueOf(minorUnits, digits()));
    }

    /**
     * An amount in major units of the shop currency (a number, or decimal text as the API writes
     * money), rounded half up to the currency's minor unit; null is a dash.
     */
    public String moneyMajor(Object majorUnits) {
        BigDecimal amount = decimal(majorUnits);
        return amount == null ? NOTHING : moneyFormat().format(amount.setScale(digits(), RoundingMode.HALF_UP));
    }

    /** A number with the language's grouping and at most two decimals (two when it has any), e.g. {@code 1,234.50}. */
    public String number(Object value) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return NOTHING;
        }
        if (numberFormat == null) {
            numberFormat = NumberFormat.getNumberInstance(locale);
            numberFormat.setRoundingMode(RoundingMode.HALF_UP);
        }
        boolean whole = number.stripTrailingZeros().scale() <= 0;
        numberFormat.setMinimumFractionDigits(whole ? 0 : 2);
        numberFormat.setMaximumFractionDigits(whole ? 0 : 2);
        return numberFormat.format(number);
    }

    /** A whole number with the language's grouping, e.g. {@code 541,909}. */
    public String count(Object value) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return NOTHING;
        }
        if (countFormat == null) {
            countFormat = NumberFormat.getIntegerInstance(locale);
            countFormat.setRoundingMode(RoundingMode.HALF_UP);
        }
        return countFormat.format(number);
    }

    /** A size in bytes for people, in binary units: {@code 512 B}, {@code 3.4 MB}, {@code 1 GB}. */
    public String bytes(Object value) {
        BigDecimal number = decimal(value);
        if (number == null) {
            return NOTHING;
        }
        double bytes = number.doubleValue();
        String[] units = {"KB", "MB", "GB", "TB"};
        if (Math.abs(bytes) < 1024) {
            return count(number) + " B";
        }
        int unit = -1;
        while (Math.abs(bytes) >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(bytes < 10 ? 1 : 0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(bytes) + " " + units[unit];
    }

    /** The day, in the shop time zone for an instant: {@code 23 Nov 2026}, {@code 2026年11月23日}. */
    public String date(Object when) {
        TemporalAccessor value = temporal(when);
        if (value == null) {
            return NOTHING;
        }
        return date.format(value instanceof LocalDate day ? day : ((ZonedDateTime) value).toLocalDate());
    }

    /** The day and the time of day in the shop time zone: {@code 23 Nov 2026, 09:05}, {@code 2026年11月23日 09:05}. */
    public String dateTime(Object when) {
        TemporalAccessor value = temporal(when);
        if (value == null) {
            return NOTHING;
        }
        return value instanceof LocalDate day ? date.format(day) : dateTime.format(value);
    }

    private NumberFormat moneyFormat() {
        if (moneyFormat == null) {
            moneyFormat = NumberFormat.getCurrencyInstance(locale);
            moneyFormat.setCurrency(currency);
            moneyFormat.setMinimumFractionDigits(digits());
            moneyFormat.setMaximumFractionDigits(digits());
            moneyFormat.setRoundingMode(RoundingMode.HALF_UP);
        }
        return moneyFormat;
    }

    /** Pseudo-currencies report -1 fraction digits: whole units. */
    private int digits() {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** A LocalDate for days, else a ZonedDateTime in the shop zone; null for nothing. */
    private TemporalAccessor temporal(Object when) {
        if (when == null) {
            return null;
        }
        if (when instanceof LocalDate day) {
            return day;
        }
        if (when instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (when instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        if (when instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (when instanceof LocalDateTime local) {
            return local.atZone(zone);
        }
        if (when instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue()).atZone(zone);
        }
        if (when instanceof java.util.Date legacy) {
            return legacy.toInstant().atZone(zone);
        }
        String text = when.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT)).atZone(zone);
            }
            if (text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone);
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date or time", e);
        }
    }
}
