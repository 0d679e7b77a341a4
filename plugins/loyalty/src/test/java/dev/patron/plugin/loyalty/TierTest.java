package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TierTest {

    @TempDir
    Path dir;

    @Test
    void everyoneStartsInTheLowestTier() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1");
            Map<String, Object> account = shop.account("c-1");
            assertThat(account.get("tier")).asString().contains("name=Member");
            assertThat(account.get("nextTier")).asString().contains("name=Silver").contains("remaining=500.00").contains("progress=0.0");
        }
    }

    @Test
    void anOrderThatQualifiesUpgradesAtOnceAndLaterOrdersEarnTheNewMultiplier() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1")
                    .order("o-1", "c-1", "2026-06-01T10:00:00Z", 600_00)
                    .order("o-2", "c-1", "2026-06-02T10:00:00Z", 100_00);

            assertThat(shop.bed.query("SELECT points FROM loyalty_entries ORDER BY id", r -> r.whole("points"))).containsExactly(600L, 125L);
            assertThat(shop.bed.query("SELECT previous_tier, tier, reason, qualifying FROM loyalty_tier_changes",
                    r -> r.text("previous_tier") + ">" + r.text("tier") + " " + r.text("reason") + " " + r.whole("qualifying")))
                    .containsExactly("Member>Silver upgrade 60000");
            Map<String, Object> account = shop.account("c-1");
            assertThat(account.get("tier")).asString().contains("name=Silver");
            assertThat(account.get("nextTier")).asString().contains("name=Gold").contains("remaining=1300.00");
        }
    }

    @Test
    void refundsLowerWhatQualifiesButNobodyMovesDownBeforeAReview() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 600_00).refund("r-1", "o-1", 200_00, "2026-06-02T10:00:00Z");

            assertThat(shop.account("c-1").get("tier")).asString().contains("name=Silver");
            assertThat(shop.account("c-1").get("qualifying")).asString().contains("value=400.00");
        }
    }

    @Test
    void customersMoveDownOnlyAtTheReviewAndTheHistoryIsKept() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2025-07-15T10:00:00Z", 600_00);
            assertThat(shop.account("c-1").get("tier")).asString().contains("name=Silver");

            shop.bed.setTime("2026-07-01T00:15:00Z");
            assertThat(shop.review.review()).as("July review: the order still counts").isZero();

            shop.bed.setTime("2026-07-20T00:15:00Z");
            assertThat(shop.review.review()).as("no review due between review days").isEqualTo(-1);
            assertThat(shop.account("c-1").get("tier")).asString().contains("name=Silver");

            shop.bed.setTime("2026-08-01T00:15:00Z");
            assertThat(shop.review.review()).isEqualTo(1);
            assertThat(shop.review.review()).as("a review date is done once").isEqualTo(-1);
            assertThat(shop.account("c-1").get("tier")).asString().contains("name=Member");
            assertThat(shop.bed.query("SELECT previous_tier, tier, reason FROM loyalty_tier_changes ORDER BY id",
                    r -> r.text("previous_tier") + ">" + r.text("tier") + " " + r.text("reason")))
                    .containsExactly("Member>Silver upgrade", "Silver>Member review");
            assertThat(shop.bed.query("SELECT review_date FROM loyalty_tier_reviews ORDER BY review_date", r -> r.text("review_date")))
                    .containsExactly("2026-07-01", "2026-08-01");
            assertThat((java.util.List<?>) shop.account("c-1").get("tierHistory")).extracting(Object::toString)
                    .containsExactly("{tier=Member, previousTier=Silver, reason=review, basis=spend, qualifying=0.00, at=2026-08-01T00:15:00Z}",
                            "{tier=Silver, previousTier=Member, reason=upgrade, basis=spend, qualifying=600.00, at=2026-06-30T12:00:00Z}");
        }
    }

    @Test
    void aMissedReviewIsCaughtUpAtTheNextRun() {
        try (Shop shop = Shop.open(dir, Map.of("tierReview", "quarterly", "tierReviewDay", "5"))) {
            shop.customer("c-1").order("o-1", "c-1", "2025-07-15T10:00:00Z", 600_00);
            shop.bed.setTime("2026-07-05T00:15:00Z");
            shop.review.review();
            shop.bed.setTime("2026-11-20T12:00:00Z");
            assertThat(shop.review.review()).isEqualTo(1);
            assertThat(shop.bed.query("SELECT review_date FROM loyalty_tier_reviews ORDER BY review_date", r -> r.text("review_date")))
                    .containsExactly("2026-07-05", "2026-10-05");
        }
    }

    @Test
    void aLateReviewNeverUndoesAnUpgradeMadeAfterTheReviewDate() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-old").customer("c-new")
                    .order("o-1", "c-old", "2025-07-15T10:00:00Z", 600_00);   // Silver since 2026-06-30, lapses mid-July
            shop.bed.setTime("2026-07-20T09:00:00Z");                         // the July 1st review was missed
            shop.order("o-2", "c-new", "2026-07-20T08:00:00Z", 600_00).refund("r-2", "o-2", 600_00, "2026-07-20T08:30:00Z");

            assertThat(shop.review.review()).isEqualTo(1);

            assertThat(shop.account("c-old").get("tier")).asString().contains("name=Member");
            assertThat(shop.account("c-new").get("tier")).as("upgraded after the review date").asString().contains("name=Silver");
            shop.bed.setTime("2026-08-01T00:15:00Z");
            shop.review.review();
            assertThat(shop.account("c-new").get("tier")).asString().contains("name=Member");
        }
    }

    @Test
    void tiersCanGoByPointsEarned() {
        try (Shop shop = Shop.open(dir, Map.of("tierBasis", "points", "tiers", "Member 0 x1\nGold 150 x2"))) {
            shop.customer("c-1")
                    .order("o-1", "c-1", "2026-06-01T10:00:00Z", 100_00)
                    .order("o-2", "c-1", "2026-06-02T10:00:00Z", 100_00)
                    .order("o-3", "c-1", "2026-06-03T10:00:00Z", 100_00);

            assertThat(shop.bed.query("SELECT points FROM loyalty_entries ORDER BY id", r -> r.whole("points"))).containsExactly(100L, 100L, 200L);
            assertThat(shop.account("c-1").get("qualifying")).asString().contains("value=400");
        }
    }

    @Test
    void aRenamedTierReadsAsTheLowestUntilTheNextOrderOrReview() {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2026-06-01T10:00:00Z", 600_00);
            shop.settings(Map.of("tiers", "Bronze 0 x1\nSilber 500 x1.25"));
            assertThat(shop.account("c-1").get("tier")).asString().contains("name=Bronze");
            shop.order("o-2", "c-1", "2026-06-02T10:00:00Z", 1_00);
            assertThat(shop.account("c-1").get("tier")).asString().contains("name=Silber");
        }
    }
}
