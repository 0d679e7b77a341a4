package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnAlertsPluginTest {

    @TempDir
    Path dir;

    @Test
    void startsAndEveryExtensionIsIndexedForTheHost() {
        try (PluginTestbed bed = PluginTestbed.forPlugin(ChurnAlertsPlugin.ID).start(dir)) {
            assertThat(bed.migrate()).isEqualTo(1);
            assertThat(bed.plugin(ChurnAlertsPlugin.class).context()).isSameAs(bed.context());
            // extension(...) fails the test for a class missing from META-INF/extensions.idx.
            assertThat(bed.extension(ChurnScorer.class)).isNotNull();
            assertThat(bed.extension(ChurnRunListener.class)).isNotNull();
            assertThat(bed.extension(ReturnResolver.class)).isNotNull();
            assertThat(bed.extension(ChurnSettingsSchema.class)).isNotNull();
            assertThat(bed.extension(ChurnWeb.class)).isNotNull();
            assertThat(bed.extension(ChurnHealth.class)).isNotNull();
        }
    }

    @Test
    void dedupKeysAreRuleColonCustomer() {
        assertThat(Rule.OVERDUE.dedupKey("c-1")).isEqualTo("overdue:c-1");
        assertThat(Rule.P_ALIVE.dedupKey("c-1")).isEqualTo("p_alive:c-1");
        assertThat(Rule.SPEND_DECLINE.dedupKey("c-1")).isEqualTo("spend_decline:c-1");
        assertThat(Rule.ONE_TIME.dedupKey("c-1")).isEqualTo("one_time:c-1");
    }

    @Test
    void moneyIsShownInTheCurrencysDigitsWithThousandsSeparators() {
        Money usd = new Money(java.util.Currency.getInstance("USD"));
        assertThat(usd.minor(123_456_78)).isEqualTo("123,456.78");
        assertThat(usd.minor(5)).isEqualTo("0.05");
        assertThat(usd.major(2500.0)).isEqualTo("2,500.00");
        assertThat(new Money(java.util.Currency.getInstance("JPY")).minor(1_234_567)).isEqualTo("1,234,567");
        assertThat(Money.toMinor(new java.math.BigDecimal("50.00"), java.util.Currency.getInstance("CNY"))).isEqualTo(5000);
    }
}
