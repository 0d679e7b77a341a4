package dev.patron.testkit;

import dev.patron.api.data.PluginDatabase;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.api.events.ShopEventHandler;
import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Model;
import dev.patron.api.scoring.Score;
import dev.patron.api.scoring.Scorer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Misbehaving extensions, to show the testbed catches what the host would. */
final class TestHandlers {

    private TestHandlers() {
    }

    /** Writes for every order, then throws on refunds. */
    static final class FailsOnRefund implements ShopEventHandler {
        @Override
        public void orderPlaced(OrderPlaced event, PluginDatabase db) {
            db.update("INSERT INTO testkit_demo_notes (customer_id, note) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING",
                    event.customerId(), "ordered");
        }

        @Override
        public void orderRefunded(OrderRefunded event, PluginDatabase db) {
            db.update("UPDATE testkit_demo_notes SET note = ? WHERE customer_id = ?", "refunded", event.customerId());
            throw new IllegalStateException("refunds are not supported yet");
        }
    }

    /** Takes longer than any sensible limit. */
    static final class Slow implements ShopEventHandler {
        @Override
        public void orderPlaced(OrderPlaced event, PluginDatabase db) {
            db.update("INSERT INTO testkit_demo_notes (customer_id, note) VALUES (?, ?)", event.customerId(), "slow");
            try {
                new java.util.concurrent.CountDownLatch(1).await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Keeps the database handle after the call: a bug the host's revocation catches. */
    static final class KeepsHandle implements ShopEventHandler {
        final AtomicReference<PluginDatabase> kept = new AtomicReference<>();

        @Override
        public void orderPlaced(OrderPlaced event, PluginDatabase db) {
            kept.set(db);
        }
    }

    /** Returns a score name twice. */
    static final class DuplicateNames implements Scorer {
        @Override
        public List<Score> score(CustomerSummary customer, Model model) {
            return List.of(Score.numeric("x", 1, "one"), Score.numeric("x", 2, "two"));
        }
    }

    /** Returns null instead of an empty list. */
    static final class ReturnsNull implements Scorer {
        @Override
        public List<Score> score(CustomerSummary customer, Model model) {
            return null;
        }
    }

    /** Returns null from fit. */
    static final class NullModel implements Scorer {
        @Override
        public Model fit(dev.patron.api.scoring.Population population) {
            return null;
        }

        @Override
        public List<Score> score(CustomerSummary customer, Model model) {
            return List.of();
        }
    }
}
