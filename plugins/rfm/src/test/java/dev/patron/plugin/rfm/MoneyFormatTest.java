package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    private static final MoneyFormat EURO = new MoneyFormat(Currency.getInstance("EUR"));

    @Test
    void writesMinorUnitsWithTheCurrencysFractionDigitsAndCommaGrouping() {
        assertThat(EURO.format(123450)).isEqualTo("1,234.50");
        assertThat(EURO.format(5)).isEqualTo("0.05");
        assertThat(EURO.format(0)).isEqualTo("0.00");
        assertThat(EURO.format(99999)).isEqualTo("999.99");
        assertThat(EURO.format(123456789012L)).isEqualTo("1,234,567,890.12");
    }

    @Test
    void currenciesWithoutMinorUnitsHaveNoFraction() {
        MoneyFormat yen = new MoneyFormat(Currency.getInstance("JPY"));
        assertThat(yen.format(1234567)).isEqualTo("1,234,567");
        assertThat(yen.format(999)).isEqualTo("999");
    }

    @Test
    void threeDigitCurrenciesKeepThreeDigits() {
        assertThat(new MoneyFormat(Currency.getInstance("KWD")).format(1234567)).isEqualTo("1,234.567");
    }

    @Test
    void negativeAmountsAndFractionalAveragesAreRoundedToAMinorUnit() {
        assertThat(EURO.format(-123450)).isEqualTo("-1,234.50");
        assertThat(EURO.format(10000 / 3.0)).isEqualTo("33.33");
        assertThat(EURO.format(20000 / 3.0)).isEqualTo("66.67");
    }
}
