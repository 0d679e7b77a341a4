package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @Test
    void twoDecimalAmountBecomesCents() {
        assertThat(Money.parse("129.90", USD)).isEqualTo(12990);
    }

    @Test
    void fewerDecimalsThanTheCurrencyHasArePaddedNotRounded() {
        assertThat(Money.parse("129.9", USD)).isEqualTo(12990);
        assertThat(Money.parse("129", USD)).isEqualTo(12900);
        assertThat(Money.parse("0.05", USD)).isEqualTo(5);
    }

    @Test
    void currencyWithoutMinorUnitsParsesWholeAmounts() {
        assertThat(Money.parse("1299", JPY)).isEqualTo(1299);
    }

    @Test
    void currencyWithThreeDecimalsParsesToThousandths() {
        assertThat(Money.parse("1.234", BHD)).isEqualTo(1234);
    }

    @Test
    void negativeAmountParsesSoCallersCanRejectItWithTheirOwnMessage() {
        assertThat(Money.parse("-5.00", USD)).isEqualTo(-500);
    }

    @Test
    void fifteenIntegerDigitsAreTheLimit() {
        assertThat(Money.parse("999999999999999.99", USD)).isEqualTo(99_999_999_999_999_999L);
    }

    @Test
    void formatGivesAPlainDecimalInMajorUnits() {
        assertThat(Money.format(12990, USD)).isEqualTo("129.90");
        assertThat(Money.format(5, USD)).isEqualTo("0.05");
        assertThat(Money.format(-500, USD)).isEqualTo("-5.00");
        assertThat(Money.format(123456789, USD)).isEqualTo("1234567.89");
        assertThat(Money.format(1299, JPY)).isEqualTo("1299");
    }

    @Test
    void displayGroupsThousandsWithCommas() {
        assertThat(Money.display(123456789, USD)).isEqualTo("1,234,567.89");
        assertThat(Money.display(99, USD)).isEqualTo("0.99");
        assertThat(Money.display(1234567, JPY)).isEqualTo("1,234,567");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 99, 100, 12990, 100_000_000, 123_456_789_012L, -4_250})
    void formatAndDisplayRoundTripThroughParse(long minor) {
        assertThat(Money.parse(Money.format(minor, USD), USD)).isEqualTo(minor);
        assertThat(Money.parse(Money.display(minor, USD).replace(",", ""), USD)).isEqualTo(minor);
        assertThat(Money.parse(Money.format(minor, JPY), JPY)).isEqualTo(minor);
        assertThat(Money.parse(Money.format(minor, BHD), BHD)).isEqualTo(minor);
    }

    @Nested
    class Rejected {

        @Test
        void moreDecimalsThanTheCurrencyHas() {
            assertThatThrownBy(() -> Money.parse("1.999", USD))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("more than 2 decimal places for USD");
        }

        @Test
        void anyDecimalsForACurrencyWithoutMinorUnits() {
            assertThatThrownBy(() -> Money.parse("1299.5", JPY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("more than 0 decimal places for JPY");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e3", "", " ", "12,5", "1,299.00", "+5", ".5", "5.", "12.5.0", " 12.50", "12.50 ", "abc",
            "0x10", "1234567890123456", "NaN", "Infinity"})
        void textThatIsNotAPlainDecimal(String text) {
            assertThatThrownBy(() -> Money.parse(text, USD))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be a decimal string such as \"129.90\"");
        }

        @Test
        void nullWithAnExampleForTheCurrency() {
            assertThatThrownBy(() -> Money.parse(null, JPY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"1299\"");
        }
    }
}
