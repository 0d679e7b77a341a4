package dev.patron.plugin.clv;

import dev.patron.api.scoring.CustomerSummary;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Builds customer summaries for tests, as of {@link #AS_OF} in UTC. */
final class Customers {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private Customers() {
    }

    static CustomerSummary.Builder customer(String id) {
        return CustomerSummary.builder(id, AS_OF, ZoneOffset.UTC);
    }

    /** Noon UTC, {@code daysAgo} days before {@link #AS_OF}. */
    static long at(long daysAgo) {
        return AS_OF.minusDays(daysAgo).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
    }

    /** A customer with one order of {@code minor} on each of the given days before {@link #AS_OF}. */
    static CustomerSummary buyer(String id, long minor, long... daysAgo) {
        CustomerSummary.Builder builder = customer(id);
        for (long d : daysAgo) {
            builder.order(at(d), minor);
        }
        return builder.build();
    }
}
