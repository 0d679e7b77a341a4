package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patron.api.PatronPluginException;
import dev.patron.api.PluginSettings;
import dev.patron.api.settings.SettingField;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path dir;

    @Test
    void declaresEveryRuleWithValidDefaults() {
        try (Shop shop = Shop.open(dir)) {
            assertThat(shop.schema.fields()).extracting(SettingField::key).containsExactly("pointsPerUnit", "rounding",
                    "minimumOrder", "campaigns", "tiers", "tierBasis", "tierWindowMonths", "tierReview", "tierReviewDay",
                    "expiryMonths", "expiringSoonDays", "refundPolicy", "earnOnImport");
            assertThat(shop.bed.configure(shop.schema, Map.of())).isEmpty();
            LoyaltySettings s = LoyaltySettings.read(shop.bed.context().settings(), USD);
            assertThat(s.tiers().all()).extracting(TierLadder.Tier::name).containsExactly("Member", "Silver", "Gold", "Platinum");
            assertThat(s.expiryMonths()).isEqualTo(12);
            assertThat(s.refundPolicy()).isEqualTo(RefundPolicy.NEGATIVE);
        }
    }

    @Test
    void theDefaultsAreValidInACurrencyWithoutMinorUnits() {
        try (Shop shop = Shop.open(PluginTestbedFactory.yen(dir))) {
            assertThat(shop.bed.configure(shop.schema, Map.of("minimumOrder", "1500"))).isEmpty();
        }
    }

    @Test
    void badCampaignLinesAreRefusedWithTheirLineNumbers() {
        try (Shop shop = Shop.open(dir)) {
            List<String> problems = shop.bed.configure(shop.schema, Map.of("campaigns",
                    "2026-11-20..2026-11-30 x2 Black Friday\n\n# comment\n2026-12-31..2026-12-01 x2 Backwards\n2026-13-01 x2 Bad month\n"
                            + "2026-12-24 x0 Nothing\nsoon x2"));

            assertThat(problems).hasSize(4);
            assertThat(problems.get(0)).startsWith("campaigns line 4:").contains("ends (2026-12-01) before it starts");
            assertThat(problems.get(1)).startsWith("campaigns line 5:").contains("not a date");
            assertThat(problems.get(2)).startsWith("campaigns line 6:").contains("more than 0");
            assertThat(problems.get(3)).startsWith("campaigns line 7:");
            assertThat(shop.bed.context().settings().get("campaigns")).as("nothing stored").isEmpty();
        }
    }

    @Test
    void badTierLinesAreRefusedWithTheirLineNumbers() {
        try (Shop shop = Shop.open(dir)) {
            List<String> problems = shop.bed.configure(shop.schema, Map.of("tiers", "Member 10 x1\nSilver 500 x1\nGold 400 x1.5\n"
                    + "silver 900 x2\nPlatinum lots x2\nDiamond 9000 xfast\nTitanium 9999.999 x3"));

            assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("tiers line 1", "tiers line 3",
                    "tiers line 4", "tiers line 5", "tiers line 6", "tiers line 7");
        }
    }

    @Test
    void fieldTypesAndBoundsAreCheckedByTheHost() {
        try (Shop shop = Shop.open(dir)) {
            assertThat(shop.bed.configure(shop.schema, Map.of("rounding", "up", "expiryMonths", "-1", "minimumOrder", "1.234")))
                    .hasSize(3);
        }
    }

    @Test
    void theHealthCheckNamesABrokenSetting() {
        try (Shop shop = Shop.open(dir)) {
            LoyaltyHealth health = shop.bed.extension(LoyaltyHealth.class);
            assertThat(health.check().up()).isTrue();
            shop.bed.settings(Map.of("campaigns", "someday x2"));
            assertThat(health.check().up()).isFalse();
            assertThat(health.check().detail()).contains("campaigns line 1");
        }
    }

    @Test
    void invalidStoredSettingsStopEarningWithAMessageNamingThem() {
        PluginSettings broken = PluginSettings.of(Map.of("tiers", "Gold 100 x2"));
        assertThatThrownBy(() -> LoyaltySettings.read(broken, USD)).isInstanceOf(PatronPluginException.class)
                .hasMessageContaining("tiers line 1").hasMessageContaining("must be 0");
    }

    @Nested
    class CampaignLines {

        @Test
        void theHighestMultiplierOfOverlappingCampaignsApplies() {
            List<String> problems = new ArrayList<>();
            Campaigns campaigns = Campaigns.parse("2026-11-01..2026-11-30 x1.5 November\n2026-11-27 x3 Black Friday", problems);

            assertThat(problems).isEmpty();
            assertThat(campaigns.on(LocalDate.parse("2026-11-27"))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Black Friday"));
            assertThat(campaigns.on(LocalDate.parse("2026-11-26"))).hasValueSatisfying(c -> assertThat(c.multiplier())
                    .isEqualByComparingTo(new BigDecimal("1.5")));
            assertThat(campaigns.on(LocalDate.parse("2026-12-01"))).isEmpty();
        }

        @Test
        void aCampaignMayHaveNoName() {
            List<String> problems = new ArrayList<>();
            assertThat(Campaigns.parse("2026-11-01 .. 2026-11-02 X2", problems).all()).singleElement()
                    .satisfies(c -> assertThat(c.name()).isEmpty());
            assertThat(problems).isEmpty();
        }
    }

    @Nested
    class ReviewDates {

        @Test
        void monthlyQuarterlyAndYearlyReviewsFallOnTheReviewDay() {
            LocalDate today = LocalDate.parse("2026-05-10");
            assertThat(ReviewPeriod.MONTHLY.latestOnOrBefore(today, 15)).isEqualTo("2026-04-15");
            assertThat(ReviewPeriod.MONTHLY.nextAfter(today, 15)).isEqualTo("2026-05-15");
            assertThat(ReviewPeriod.QUARTERLY.latestOnOrBefore(today, 1)).isEqualTo("2026-04-01");
            assertThat(ReviewPeriod.QUARTERLY.nextAfter(today, 1)).isEqualTo("2026-07-01");
            assertThat(ReviewPeriod.YEARLY.latestOnOrBefore(today, 1)).isEqualTo("2026-01-01");
            assertThat(ReviewPeriod.YEARLY.latestOnOrBefore(LocalDate.parse("2026-01-01"), 2)).isEqualTo("2025-01-02");
            assertThat(ReviewPeriod.DAILY.latestOnOrBefore(today, 1)).isEqualTo(today);
        }
    }
}
