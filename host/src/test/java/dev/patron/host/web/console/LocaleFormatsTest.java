package dev.patron.host.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Money in the shop currency and dates in the shop zone, as CLDR writes them in English and in Chinese. */
class LocaleFormatsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOV_23 = Instant.parse("2026-11-23T09:05:00Z");

    private static LocaleFormats english(String currency) {
        return new LocaleFormats(Locale.ENGLISH, Currency.getInstance(currency), LONDON);
    }

    private static LocaleFormats chinese(String currency) {
        return new LocaleFormats(Locale.SIMPLIFIED_CHINESE, Currency.getInstance(currency), LONDON);
    }

    @Test
    void moneyCarriesTheShopCurrencyAsEachLanguageWritesIt() {
        assertThat(english("GBP").money(123456)).isEqualTo("£1,234.56");
        assertThat(chinese("GBP").money(123456)).isEqualTo("£1,234.56");
        assertThat(english("USD").money(123456)).isEqualTo("$1,234.56");
        assertThat(chinese("USD").money(123456)).isEqualTo("US$1,234.56");
        assertThat(english("CNY").money(123456)).isEqualTo("CN¥1,234.56");
        assertThat(chinese("CNY").money(123456)).isEqualTo("¥1,234.56");
        assertThat(english("JPY").money(1234)).as("yen have no minor unit").isEqualTo("¥1,234");
        assertThat(english("GBP").money(-5)).isEqualTo("-£0.05");
        assertThat(english("GBP").money(123456789012L)).isEqualTo("£1,234,567,890.12");
    }

    @Test
    void majorUnitsAreRoundedHalfUpToTheMinorUnit() {
        assertThat(english("GBP").moneyMajor("1234.565")).isEqualTo("£1,234.57");
        assertThat(chinese("GBP").moneyMajor(new BigDecimal("0.5"))).isEqualTo("£0.50");
        assertThat(english("GBP").moneyMajor(2500.0)).isEqualTo("£2,500.00");
        assertThat(english("GBP").moneyMajor(null)).isEqualTo("—");
        assertThatThrownBy(() -> english("GBP").moneyMajor("12,50")).hasMessageContaining("'12,50' is not a number");
    }

    @Test
    void datesAreDayMonthYearInEnglishAndYearMonthDayInChinese() {
        assertThat(english("GBP").date(NOV_23)).isEqualTo("23 Nov 2026");
        assertThat(chinese("GBP").date(NOV_23)).isEqualTo("2026年11月23日");
        assertThat(english("GBP").dateTime(NOV_23)).isEqualTo("23 Nov 2026, 09:05");
        assertThat(chinese("GBP").dateTime(NOV_23)).isEqualTo("2026年11月23日 09:05");
        assertThat(english("GBP").date(LocalDate.of(2026, 1, 2))).isEqualTo("2 Jan 2026");
    }

    @Test
    void instantsAreShownInTheShopTimeZone() {
        Instant lateEvening = Instant.parse("2026-07-01T23:30:00Z");
        assertThat(english("GBP").dateTime(lateEvening)).as("British summer time").isEqualTo("2 Jul 2026, 00:30");
        LocaleFormats shanghai = new LocaleFormats(Locale.SIMPLIFIED_CHINESE, Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.date(Instant.parse("2026-11-23T17:00:00Z"))).isEqualTo("2026年11月24日");
    }

    @Test
    void datesComeAsInstantsDaysEpochMillisOrIsoText() {
        LocaleFormats fmt = english("GBP");
        assertThat(fmt.dateTime(NOV_23.toEpochMilli())).isEqualTo("23 Nov 2026, 09:05");
        assertThat(fmt.dateTime("2026-11-23T09:05:00Z")).isEqualTo("23 Nov 2026, 09:05");
        assertThat(fmt.dateTime("2026-11-23T10:05:00+01:00")).isEqualTo("23 Nov 2026, 09:05");
        assertThat(fmt.dateTime("2026-11-23 09:05")).as("a local time of the shop").isEqualTo("23 Nov 2026, 09:05");
        assertThat(fmt.date("2026-11-23")).isEqualTo("23 Nov 2026");
        assertThat(fmt.dateTime("2026-11-23")).as("a day has no time of day").isEqualTo("23 Nov 2026");
        assertThat(fmt.date(null)).isEqualTo("—");
        assertThat(fmt.date("")).isEqualTo("—");
        assertThatThrownBy(() -> fmt.date("next Tuesday")).hasMessageContaining("'next Tuesday' is not an ISO-8601 date or time");
    }

    @Test
    void numbersCountsAndSizes() {
        assertThat(english("GBP").number(1234.5)).isEqualTo("1,234.50");
        assertThat(english("GBP").number(12.0)).isEqualTo("12");
        assertThat(chinese("GBP").number(0.125)).isEqualTo("0.13");
        assertThat(english("GBP").count(541909L)).isEqualTo("541,909");
        assertThat(english("GBP").count(null)).isEqualTo("—");
        assertThat(english("GBP").bytes(512)).isEqualTo("512 B");
        assertThat(english("GBP").bytes(160L * 1024)).isEqualTo("160 KB");
        assertThat(english("GBP").bytes(3L << 30)).isEqualTo("3 GB");
        assertThat(english("GBP").bytes(1536L * 1024)).isEqualTo("1.5 MB");
    }
}
