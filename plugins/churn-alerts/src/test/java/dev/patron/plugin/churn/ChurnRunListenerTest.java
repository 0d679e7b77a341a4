package dev.patron.plugin.churn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.alerts.Severity;
import dev.patron.testkit.PluginTestbed;
import dev.patron.testkit.RaisedAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnRunListenerTest {

    @TempDir
    Path dir;

    private static PluginTestbed bed(Path dir, Map<String, String> settings) {
        PluginTestbed bed = PluginTestbed.forPlugin("churn-alerts").settings(settings).start(dir);
        bed.migrate();
        return bed;
    }

    @Test
    void aLapsedRegularGetsOneAlertHoweverManyRunsSeeIt_isResolvedWhenTheyOrder_andANewOneWhenTheyLapseAgain() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            Shop.regular(bed, "c-1");
            ReturnResolver resolver = bed.extension(ReturnResolver.class);
            bed.deliver(resolver); // the setup's own events: nothing to resolve yet

            Shop.run(bed);
            List<RaisedAlert> first = Shop.alertsWithKey(bed, "overdue:c-1");
            assertThat(first).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo("open");
                assertThat(a.customerId()).isEqualTo("c-1");
                assertThat(a.rule()).isEqualTo("overdue");
                assertThat(a.severity()).isEqualTo(Severity.INFO);
                assertThat(a.title()).isEqualTo("Overdue customer: c-1, 2.87× their usual gap");
                assertThat(a.detail()).isEqualTo("Last order 86 days ago, 2.87× the usual gap of 30.0 days between 4 purchase"
                        + " days (overdue above 2× and from 14 days). Severity info: no RFM tier or CLV.");
            });

            bed.advanceTime(Duration.ofHours(1));
            Shop.run(bed);
            bed.setTime("2026-07-10T12:00:00Z");
            Shop.run(bed);
            List<RaisedAlert> later = Shop.alertsWithKey(bed, "overdue:c-1");
            assertThat(later).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo("open");
                assertThat(a.openedAt()).isEqualTo(first.get(0).openedAt());
                assertThat(a.lastSeenAt()).isEqualTo(bed.now());
                assertThat(a.title()).endsWith("3.20× their usual gap"); // refreshed: 96 days since
            });

            bed.setTime("2026-07-11T12:00:00Z");
            bed.order("c-1-o5", "c-1", "2026-07-11T10:00:00Z", 80_00);
            bed.deliver(resolver);
            assertThat(Shop.alertsWithKey(bed, "overdue:c-1")).singleElement()
                    .satisfies(a -> assertThat(a.status()).isEqualTo("resolved"));
            assertThat(Shop.alerts(bed, "spend_decline")).allSatisfy(a -> assertThat(a.status()).isEqualTo("resolved"));

            Shop.run(bed); // bought today: nothing is overdue
            assertThat(Shop.alertsWithKey(bed, "overdue:c-1")).hasSize(1);

            bed.setTime("2026-10-30T12:00:00Z"); // 111 days since, mean gap 46.75 days: 2.37×
            Shop.run(bed);
            List<RaisedAlert> relapse = Shop.alertsWithKey(bed, "overdue:c-1");
            assertThat(relapse).extracting(RaisedAlert::status).containsExactly("resolved", "open");
            assertThat(relapse.get(1).title()).endsWith("2.37× their usual gap");
        }
    }

    @Test
    void anAcknowledgedAlertStaysAcknowledgedAndIsNotNotifiedAgainWhileTheConditionLasts() {
        try (PluginTestbed bed = bed(dir, Map.of("spendDecline.enabled", "false"))) {
            Shop.regular(bed, "c-1");
            Shop.run(bed);
            assertThat(Shop.outbox(bed, "alert.opened")).isEqualTo(1);
            Shop.acknowledge(bed, "overdue:c-1");

            bed.setTime("2026-07-20T12:00:00Z");
            Shop.run(bed);
            Shop.run(bed);

            assertThat(Shop.alertsWithKey(bed, "overdue:c-1")).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo("acknowledged");
                assertThat(a.title()).endsWith("3.53× their usual gap");
            });
            assertThat(Shop.outbox(bed, "alert.opened")).isEqualTo(1);
            assertThat(Shop.outbox(bed, "alert.resolved")).isZero();
        }
    }

    @Test
    void alertsWhoseConditionWentAwayAreResolvedAtTheNextRun() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            Shop.regular(bed, "c-1");
            Shop.run(bed);
            assertThat(Shop.alerts(bed, "overdue")).singleElement().satisfies(a -> assertThat(a.isOpen()).isTrue());
            assertThat(Shop.alerts(bed, "spend_decline")).singleElement().satisfies(a -> assertThat(a.isOpen()).isTrue());

            bed.settings(Map.of("overdue.gapMultiple", "5"));        // no longer overdue by the new k
            Shop.run(bed);
            assertThat(Shop.alerts(bed, "overdue")).singleElement().satisfies(a -> assertThat(a.isOpen()).isFalse());
            assertThat(Shop.alerts(bed, "spend_decline")).singleElement().satisfies(a -> assertThat(a.isOpen()).isTrue());

            bed.settings(Map.of("overdue.gapMultiple", "5", "spendDecline.enabled", "false")); // rule switched off
            Shop.run(bed);
            assertThat(bed.alerts()).noneMatch(RaisedAlert::isOpen);
            assertThat(Shop.outbox(bed, "alert.resolved")).isEqualTo(2);
        }
    }

    @Test
    void aCustomerWhoseScoresAreMissingKeepsTheirAlerts() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            Shop.regular(bed, "c-1");
            Shop.regular(bed, "c-2");
            Shop.run(bed);
            ChurnRunListener listener = bed.extension(ChurnRunListener.class);
            bed.update("DELETE FROM scores WHERE customer_id = ?", "c-1"); // say scoring failed for c-1
            bed.store().write(db -> {
                listener.runFinished(new dev.patron.api.scoring.RunListener.FinishedRun("partial", bed.today(), 2), db);
                return null;
            });
            assertThat(bed.alerts()).filteredOn(a -> a.customerId().equals("c-1")).hasSize(2).allMatch(RaisedAlert::isOpen);
        }
    }

    @Test
    void withoutClvScoresTheProbabilityAliveRuleIsUnavailableAndTheOthersWork() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            Shop.regular(bed, "reg");
            bed.customer("once");
            bed.order("once-1", "once", "2026-03-01T10:00:00Z", 25_00);
            Shop.run(bed);

            assertThat(bed.alerts()).extracting(RaisedAlert::dedupKey)
                    .containsExactlyInAnyOrder("overdue:reg", "spend_decline:reg", "one_time:once");
            ChurnStatus.Snapshot status = ChurnStatus.read(bed.context());
            assertThat(status.pAliveAvailable()).isFalse();
            assertThat(status.rule(Rule.P_ALIVE).state()).isEqualTo("unavailable");
            assertThat(status.rule(Rule.OVERDUE).state()).isEqualTo("active");
            assertThat(status.rule(Rule.OVERDUE).open()).isEqualTo(1);
            assertThat(status.rule(Rule.ONE_TIME).open()).isEqualTo(1);
            assertThat(status.lastRun()).hasValueSatisfying(run -> {
                assertThat(run.pAliveAvailable()).isFalse();
                assertThat(run.opened()).isEqualTo(3);
                assertThat(run.evaluated()).isEqualTo(2);
            });
        }
    }

    @Test
    void withClvScoresProbabilityAliveBelowTheThresholdFires_andResolvesWhenItRecoversOrClvGoes() {
        try (PluginTestbed bed = bed(dir, Map.of("overdue.enabled", "false", "spendDecline.enabled", "false",
                "oneTime.enabled", "false"))) {
            for (String id : List.of("low", "edge", "high")) {
                bed.customer(id);
                bed.order(id + "-1", id, "2026-06-01T10:00:00Z", 10_00);
            }
            bed.customer("lead"); // no orders, no churn scores, but clv scored it
            Shop.pAlive(bed, "low", 0.12);
            Shop.pAlive(bed, "edge", 0.3); // not below 0.3
            Shop.pAlive(bed, "high", 0.9);
            Shop.pAlive(bed, "lead", 0.05);
            Shop.run(bed);

            assertThat(bed.alerts()).extracting(RaisedAlert::dedupKey).containsExactlyInAnyOrder("p_alive:low", "p_alive:lead");
            assertThat(Shop.alertsWithKey(bed, "p_alive:low").get(0)).satisfies(a -> {
                assertThat(a.title()).isEqualTo("Low probability alive: low, p_alive 0.12");
                assertThat(a.detail()).isEqualTo("Probability alive 0.12 (clv plugin) is below the threshold 0.3: clv p_alive"
                        + " for low. Severity info: no RFM tier or CLV.");
            });
            assertThat(ChurnStatus.read(bed.context()).rule(Rule.P_ALIVE).state()).isEqualTo("active");

            Shop.pAlive(bed, "low", 0.45);
            Shop.run(bed);
            assertThat(Shop.alertsWithKey(bed, "p_alive:low")).singleElement().satisfies(a -> assertThat(a.isOpen()).isFalse());
            assertThat(Shop.alertsWithKey(bed, "p_alive:lead")).singleElement().satisfies(a -> assertThat(a.isOpen()).isTrue());

            bed.update("DELETE FROM scores WHERE plugin_id = 'clv'"); // clv gone: nothing to judge by
            Shop.run(bed);
            assertThat(bed.alerts()).noneMatch(RaisedAlert::isOpen);
            assertThat(ChurnStatus.read(bed.context()).rule(Rule.P_ALIVE).state()).isEqualTo("unavailable");
        }
    }

    @Test
    void boundariesReachTheInbox_oneTimeAtExactlyNDays_spendDeclineAtExactlyXPercent() {
        try (PluginTestbed bed = bed(dir, Map.of("overdue.enabled", "false"))) {
            bed.customer("once");
            bed.order("once-1", "once", "2026-05-01T10:00:00Z", 30_00);
            bed.customer("half");
            bed.order("h-1", "half", "2026-01-02T10:00:00Z", 60_00);
            bed.order("h-2", "half", "2026-03-30T10:00:00Z", 40_00);
            bed.order("h-3", "half", "2026-06-29T10:00:00Z", 50_00);

            Shop.run(bed, LocalDate.parse("2026-06-29")); // 59 days; windows 04-01..06-29 vs 01-01..03-31: 50 vs 100
            assertThat(bed.alerts()).extracting(RaisedAlert::dedupKey).containsExactly("spend_decline:half");
            assertThat(Shop.alertsWithKey(bed, "spend_decline:half").get(0).title()).isEqualTo("Spend decline: half, spend -50.0%");

            bed.setTime("2026-06-30T12:00:00Z");
            Shop.run(bed, LocalDate.parse("2026-06-30")); // 60 days
            assertThat(Shop.alertsWithKey(bed, "one_time:once")).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("One-time buyer not back: once, no return in 60 days");
                assertThat(a.detail()).startsWith("One purchase day, 2026-05-01, 60 days ago, no return yet (alert from 60 days).");
            });
        }
    }

    @Test
    void customersGoneBeyondTheLostHorizonRaiseNoAlert_atExactlyTheHorizonTheyStillDo() {
        try (PluginTestbed bed = bed(dir, Map.of("lost.afterDays", "100"))) {
            // As of 2026-06-30: 100 days since 2026-03-22, 101 since 2026-03-21.
            bed.customer("edge");
            bed.order("e-1", "edge", "2026-03-22T10:00:00Z", 30_00);
            bed.customer("gone");
            bed.order("g-1", "gone", "2026-01-02T10:00:00Z", 30_00);
            bed.order("g-2", "gone", "2026-03-21T10:00:00Z", 30_00);
            Shop.pAlive(bed, "gone", 0.01);
            Shop.run(bed, LocalDate.parse("2026-06-30"));

            assertThat(bed.alerts()).extracting(RaisedAlert::dedupKey).containsExactly("one_time:edge");
            assertThat(bed.query("SELECT label FROM scores WHERE customer_id = 'gone' AND name = 'churn_risk'", r -> r.text("label")))
                    .containsExactly("lost");
            assertThat(bed.query("SELECT explanation FROM scores WHERE customer_id = 'gone' AND name = 'churn_risk'",
                    r -> r.text("explanation")).get(0)).startsWith("Last order 101 days ago, beyond the 100-day horizon");
        }
    }

    @Test
    void theThresholdIsASetting() {
        try (PluginTestbed bed = bed(dir, Map.of("pAlive.threshold", "0.5", "oneTime.enabled", "false"))) {
            bed.customer("c-1");
            bed.order("o-1", "c-1", "2026-06-01T10:00:00Z", 10_00);
            Shop.pAlive(bed, "c-1", 0.45);
            Shop.run(bed);
            assertThat(bed.alerts()).extracting(RaisedAlert::dedupKey).containsExactly("p_alive:c-1");
        }
    }

    @Test
    void severityGrowsWithTheRfmTierOrTheClvWhicheverIsHigher() {
        try (PluginTestbed bed = bed(dir, Map.of("spendDecline.enabled", "false"))) {
            for (String id : List.of("plat", "gold", "iron", "none", "rich", "mid")) {
                Shop.regular(bed, id);
            }
            Shop.tier(bed, "plat", "Platinum");
            Shop.tier(bed, "gold", "Gold");
            Shop.tier(bed, "iron", "Iron");
            Shop.tier(bed, "rich", "Lead");
            Shop.clv(bed, "rich", 2500.0);   // ≥ 2,000.00: critical though Lead
            Shop.clv(bed, "mid", 600.0);     // ≥ 500.00: warning without a tier
            Shop.clv(bed, "plat", 10.0);     // a low CLV does not lower the Platinum tier's severity
            Shop.run(bed);

            assertThat(severity(bed, "plat")).isEqualTo(Severity.CRITICAL);
            assertThat(severity(bed, "gold")).isEqualTo(Severity.WARNING);
            assertThat(severity(bed, "iron")).isEqualTo(Severity.INFO);
            assertThat(severity(bed, "none")).isEqualTo(Severity.INFO);
            assertThat(severity(bed, "rich")).isEqualTo(Severity.CRITICAL);
            assertThat(severity(bed, "mid")).isEqualTo(Severity.WARNING);
            assertThat(Shop.alertsWithKey(bed, "overdue:rich").get(0).detail())
                    .endsWith("Severity critical: CLV 2,500.00 ≥ 2,000.00 outranks RFM tier Lead.");
            assertThat(Shop.alertsWithKey(bed, "overdue:gold").get(0).detail())
                    .endsWith("Severity warning: RFM tier Gold.");
            assertThat(Shop.alertsWithKey(bed, "overdue:plat").get(0).detail())
                    .endsWith("Severity critical: RFM tier Platinum; CLV 10.00 < 500.00.");
            assertThat(Shop.alertsWithKey(bed, "overdue:none").get(0).detail()).endsWith("Severity info: no RFM tier or CLV.");

            bed.settings(Map.of("spendDecline.enabled", "false", "severity.useClv", "false"));
            Shop.tier(bed, "gold", "Platinum"); // the customer moved up: the refreshed alert follows
            Shop.run(bed);
            assertThat(severity(bed, "rich")).isEqualTo(Severity.INFO);
            assertThat(severity(bed, "mid")).isEqualTo(Severity.INFO);
            assertThat(severity(bed, "gold")).isEqualTo(Severity.CRITICAL);
        }
    }

    private static Severity severity(PluginTestbed bed, String customer) {
        return Shop.alertsWithKey(bed, "overdue:" + customer).stream().filter(RaisedAlert::isOpen).findFirst().orElseThrow()
                .severity();
    }

    @Test
    void pagesCoverEveryCustomerAndEveryAlertRange() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            for (int i = 1; i <= 7; i++) {
                bed.customer("c-" + i);
                bed.order("o-" + i, "c-" + i, "2026-03-0" + i + "T10:00:00Z", 10_00);
            }
            bed.customer("c-9"); // no orders: no scores, sorts after every scored customer
            ChurnRunListener listener = new ChurnRunListener(bed.context(), 2, () -> () -> false);
            Shop.run(bed, bed.today(), listener);
            assertThat(Shop.alerts(bed, "one_time")).hasSize(7).allMatch(RaisedAlert::isOpen);
            // An alert of a customer beyond the last page (raised by hand) is looked at too; with the
            // rule switched off, every alert in every range resolves.
            bed.store().write(db -> bed.context().alerts().raise(new dev.patron.api.alerts.AlertRequest("one_time:c-9", "c-9",
                    "one_time", Severity.INFO, "test", "test"), db));
            bed.settings(Map.of("oneTime.enabled", "false"));
            Shop.run(bed, bed.today(), listener);
            assertThat(bed.alerts()).hasSize(8).noneMatch(RaisedAlert::isOpen);
            assertThat(ChurnStatus.read(bed.context()).lastRun()).hasValueSatisfying(r -> {
                assertThat(r.resolved()).isEqualTo(8);
                assertThat(r.evaluated()).isEqualTo(7);
            });
        }
    }

    @Test
    void aRunThatReachesItsTimeBudgetCommitsWhatItDidAndTheNextRunsContinue() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            for (int i = 1; i <= 7; i++) {
                bed.customer("c-" + i);
                bed.order("o-" + i, "c-" + i, "2026-03-0" + i + "T10:00:00Z", 10_00);
            }
            // A budget that lasts for three customers per run.
            ChurnRunListener listener = new ChurnRunListener(bed.context(), 2, () -> new ChurnRunListener.Budget() {
                private int left = 3;

                @Override
                public boolean spent() {
                    return left-- <= 0;
                }
            });

            Shop.run(bed, bed.today(), listener);
            assertThat(bed.alerts()).extracting(RaisedAlert::customerId).containsExactly("c-1", "c-2", "c-3");
            assertThat(ChurnStatus.read(bed.context()).lastRun()).hasValueSatisfying(r -> {
                assertThat(r.complete()).isFalse();
                assertThat(r.resumeAfter()).isEqualTo("c-3");
                assertThat(r.evaluated()).isEqualTo(3);
            });
            assertThat(bed.extension(ChurnHealth.class).check().detail())
                    .endsWith("stopped at its time budget after customer c-3, the next run continues from there");

            Shop.run(bed, bed.today(), listener);
            assertThat(ChurnStatus.read(bed.context()).lastRun().orElseThrow().resumeAfter()).isEqualTo("c-6");
            Shop.run(bed, bed.today(), listener);
            assertThat(ChurnStatus.read(bed.context()).lastRun().orElseThrow().complete()).isTrue();
            assertThat(bed.alerts()).hasSize(7).allMatch(RaisedAlert::isOpen);

            // The next sweep starts from the beginning again: c-1 has come back meanwhile (its scores say so).
            bed.order("o-new", "c-1", "2026-06-30T10:00:00Z", 10_00);
            Shop.run(bed, bed.today(), listener);
            assertThat(Shop.alertsWithKey(bed, "one_time:c-1")).singleElement().satisfies(a -> assertThat(a.isOpen()).isFalse());
            assertThat(ChurnStatus.read(bed.context()).lastRun().orElseThrow().resumeAfter()).isEqualTo("c-3");
        }
    }

    @Test
    void theLastHundredRunsAreKept() {
        try (PluginTestbed bed = bed(dir, Map.of())) {
            bed.customer("c-1");
            bed.order("o-1", "c-1", "2026-06-01T10:00:00Z", 10_00);
            ChurnRunListener listener = bed.extension(ChurnRunListener.class);
            for (int i = 0; i < ChurnStore.KEEP_RUNS + 3; i++) {
                bed.advanceTime(Duration.ofMinutes(1));
                String id = "r-" + i;
                bed.store().write(db -> {
                    listener.runFinished(new dev.patron.api.scoring.RunListener.FinishedRun(id, LocalDate.parse("2026-06-30"), 1),
                            db);
                    return null;
                });
            }
            assertThat(bed.queryOne("SELECT COUNT(*) AS n FROM churn_alerts_runs", r -> r.whole("n"))).contains(100L);
            assertThat(ChurnStatus.read(bed.context()).lastRun()).hasValueSatisfying(r -> assertThat(r.runId()).isEqualTo("r-102"));
        }
    }
}
