package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.ShopEventHandler;
import dev.patron.api.web.ApiProblem;
import dev.patron.api.web.ApiResponse;
import dev.patron.testkit.PluginTestbed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of orders (some imported), refunds, redemptions with retried and reused keys,
 * adjustments, replayed events, tier reviews and time passing with expiry runs, against a real
 * temporary store: whatever happens, the ledger's invariants hold ({@link LedgerInvariants}),
 * the balance is the sum of the ledger, no order earns twice, expiry never takes redeemed points,
 * reversals never exceed what an order earned, and a refused redemption changes nothing.
 */
class LedgerPropertiesTest {

    sealed interface Step permits Place, Refund, Redeem, Adjust, Advance, Replay, Review {
    }

    record Place(int customer, long amount, int daysAgo, boolean imported) implements Step {
    }

    record Refund(int order, int percent) implements Step {
    }

    record Redeem(int customer, long points, int key) implements Step {
    }

    record Adjust(int customer, long points) implements Step {
    }

    record Advance(int days) implements Step {
    }

    record Replay(int count) implements Step {
    }

    record Review() implements Step {
    }

    private static final ShopEventHandler NOBODY = new ShopEventHandler() {
    };

    @Property(tries = 80)
    void theLedgerStaysConsistentWhateverHappens(@ForAll("steps") List<Step> steps, @ForAll("policies") String policy,
                                                @ForAll("expiries") int expiryMonths) {
        Map<String, String> settings = Map.of("refundPolicy", policy, "expiryMonths", Integer.toString(expiryMonths),
                "campaigns", "2026-05-01..2026-05-31 x2 May");
        try (Shop shop = Shop.open(PluginTestbed.forPlugin("loyalty").settings(settings).start())) {
            new Run(shop).play(steps);
            LedgerInvariants.check(shop.bed);
        }
    }

    /** Plays steps and checks what each one promises on the spot. */
    private static final class Run {
        private final Shop shop;
        private final List<String> orders = new ArrayList<>();
        private final Map<String, Long> unrefunded = new HashMap<>();
        private final Map<Integer, String> keyOwners = new HashMap<>();
        private final List<Object> delivered = new ArrayList<>();
        private int refunds;

        Run(Shop shop) {
            this.shop = shop;
            for (int c = 0; c < 3; c++) {
                shop.customer("c-" + c);
            }
        }

        void play(List<Step> steps) {
            int n = 0;
            for (Step step : steps) {
                n++;
                if (step instanceof Place p) {
                    place(p, n);
                } else if (step instanceof Refund r) {
                    refund(r);
                } else if (step instanceof Redeem r) {
                    redeem(r);
                } else if (step instanceof Adjust a) {
                    adjust(a);
                } else if (step instanceof Advance a) {
                    shop.advance(Duration.ofDays(a.days()));
                    shop.expiry.expire();
                } else if (step instanceof Replay r) {
                    shop.replay(List.copyOf(delivered.subList(Math.max(0, delivered.size() - r.count()), delivered.size())));
                } else {
                    shop.review.review();
                }
                for (int c = 0; c < 3; c++) {
                    assertThat(shop.bed.queryOne("SELECT balance_after FROM loyalty_entries WHERE customer_id = ? ORDER BY id DESC LIMIT 1",
                            row -> row.whole("balance_after"), "c-" + c).orElse(0L)).as("cached balance of c-%d after %s", c, step)
                            .isEqualTo(shop.ledgerSum("c-" + c));
                }
            }
        }

        private void place(Place p, int n) {
            String id = "o-" + n;
            Instant at = shop.bed.now().minus(Duration.ofDays(p.daysAgo()));
            shop.bed.order(id, "c-" + p.customer(), at, p.amount(), null);
            if (p.imported()) {
                shop.bed.deliver(NOBODY);
                OrderPlaced event = new OrderPlaced(id, "c-" + p.customer(), at, p.amount(), null, "import");
                shop.importOrders(List.of(event));
                delivered.add(event);
            } else {
                delivered.addAll(shop.bed.pendingEvents());
                shop.bed.deliver(shop.events);
            }
            orders.add(id);
            unrefunded.put(id, p.amount());
        }

        private void refund(Refund r) {
            if (orders.isEmpty()) {
                return;
            }
            String order = orders.get(r.order() % orders.size());
            long left = unrefunded.get(order);
            if (left == 0) {
                return;
            }
            long amount = Math.max(1, left * r.percent() / 100);
            shop.bed.refund("r-" + (++refunds), order, amount, shop.bed.now());
            delivered.addAll(shop.bed.pendingEvents());
            shop.bed.deliver(shop.events);
            unrefunded.put(order, left - amount);
        }

        private void redeem(Redeem r) {
            String customer = "c-" + r.customer();
            String owner = customer + ":" + r.points();
            long before = shop.balance(customer);
            long entries = entries();
            try {
                ApiResponse response = shop.redeem(customer, r.points(), "key-" + r.key());
                boolean replayed = (Boolean) ((Map<?, ?>) response.body()).get("replayed");
                assertThat(replayed).as("replayed only for a key used before").isEqualTo(keyOwners.containsKey(r.key()));
                if (replayed) {
                    assertThat(keyOwners.get(r.key())).isEqualTo(owner);
                    assertThat(entries()).as("a retried redemption writes nothing").isEqualTo(entries);
                } else {
                    assertThat(shop.balance(customer)).isEqualTo(before - r.points());
                    keyOwners.put(r.key(), owner);
                }
            } catch (ApiProblem problem) {
                assertThat(problem.status()).isEqualTo(409);
                if (problem.extensions().containsKey("balance")) {
                    assertThat(problem.extensions().get("balance")).isEqualTo(before);
                    assertThat(before).isLessThan(r.points());
                } else {
                    assertThat(keyOwners.get(r.key())).as("only a reused key conflicts").isNotNull().isNotEqualTo(owner);
                }
                assertThat(shop.balance(customer)).as("a refused redemption changes nothing").isEqualTo(before);
            }
        }

        private void adjust(Adjust a) {
            String customer = "c-" + a.customer();
            long before = shop.balance(customer);
            try {
                shop.adjust(customer, a.points(), "property test");
                assertThat(shop.balance(customer)).isGreaterThanOrEqualTo(Math.min(before, 0) + Math.min(a.points(), 0));
            } catch (ApiProblem problem) {
                assertThat(problem.status()).isEqualTo(409);
                assertThat(before).isLessThan(-a.points());
                assertThat(shop.balance(customer)).isEqualTo(before);
            }
        }

        private long entries() {
            return shop.bed.queryOne("SELECT COUNT(*) AS n FROM loyalty_entries", row -> row.whole("n")).orElse(0L);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> place = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(0, 400_00),
                Arbitraries.integers().between(0, 500), Arbitraries.of(false, false, true)).as(Place::new);
        Arbitrary<Step> refund = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 100))
                .as(Refund::new);
        Arbitrary<Step> redeem = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 400),
                Arbitraries.integers().between(0, 6)).as(Redeem::new);
        Arbitrary<Step> adjust = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(-150, 150).filter(p -> p != 0)).as(Adjust::new);
        Arbitrary<Step> advance = Arbitraries.integers().between(1, 200).map(Advance::new);
        Arbitrary<Step> replay = Arbitraries.integers().between(1, 6).map(Replay::new);
        Arbitrary<Step> review = Arbitraries.just(new Review());
        return Arbitraries.frequencyOf(Tuple.of(6, place), Tuple.of(4, refund), Tuple.of(4, redeem), Tuple.of(1, adjust),
                Tuple.of(2, advance), Tuple.of(2, replay), Tuple.of(1, review)).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> policies() {
        return Arbitraries.of("negative", "clamp");
    }

    @Provide
    Arbitrary<Integer> expiries() {
        return Arbitraries.of(0, 1, 3, 12);
    }
}
