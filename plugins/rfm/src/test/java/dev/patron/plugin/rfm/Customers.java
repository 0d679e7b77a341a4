package dev.patron.plugin.rfm;

import dev.patron.api.scoring.CustomerSummary;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Builds customer summaries for tests, as of {@link #AS_OF} in UTC. */
final class Customers {

    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    static final ZoneId ZONE = ZoneOffset.UTC;

    private Customers() {
    }

    static CustomerSummary.Builder customer(String id) {
        return CustomerSummary.builder(id, AS_OF, ZONE);
    }

    /**
     * A customer with {@code orders} orders summing to {@code totalMinor}, the last one
     * {@code daysAgo} days before {@link #AS_OF} and the others a day apart before it.
     */
    static CustomerSummary buyer(String id, long daysAgo, int orders, long totalMinor) {
        CustomerSummary.Builder builder = customer(id);
        long each = totalMinor / orders;
        for (int i = 0; i < orders; i++) {
            long amount = i == orders - 1 ? totalMinor - each * (orders - 1) : each;
            builder.order(at(daysAgo + (orders - 1 - i)), amount);
        }
        return builder.build();
    }

    /** Noon UTC, {@code daysAgo} days before {@link #AS_OF}. */
    static long at(long daysAgo) {
        return AS_OF.minusDays(daysAgo).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
    }

    static CustomerSummary withoutOrders(String id) {
        return customer(id).build();
    }
}
