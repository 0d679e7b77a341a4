package dev.patron.host.scoring;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Population;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The population of a run: every customer's summary, in customer id order, held in memory. */
public final class SummaryPopulation implements Population {

    private final LocalDate asOf;
    private final List<CustomerSummary> customers;

    public SummaryPopulation(LocalDate asOf, List<CustomerSummary> customers) {
        this.asOf = asOf;
        this.customers = Collections.unmodifiableList(customers);
    }

    @Override
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public int size() {
        return customers.size();
    }

    @Override
    public Iterator<CustomerSummary> iterator() {
        return customers.iterator();
    }

    public CustomerSummary get(int index) {
        return customers.get(index);
    }

    /** Customers {@code from} (inclusive) to {@code to} (exclusive), as a view. */
    public List<CustomerSummary> slice(int from, int to) {
        return customers.subList(from, to);
    }
}
