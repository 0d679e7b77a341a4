package dev.patron.api.scoring;

import java.time.LocalDate;

/**
 * All customers of a scoring run, as summaries. May be iterated any number of times, in a
 * stable order (by customer id). Held in memory by the host; do not copy it.
 */
public interface Population extends Iterable<CustomerSummary> {

    /** The date the run scores as of, in the shop's time zone. */
    LocalDate asOf();

    /** Number of customers, including those without orders. */
    int size();
}
