package dev.patron.plugin.clv.support;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Population;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/** A population over a fixed list of summaries, as of a date. */
public record ListPopulation(LocalDate asOf, List<CustomerSummary> customers) implements Population {

    public ListPopulation {
        customers = List.copyOf(customers);
    }

    @Override
    public int size() {
        return customers.size();
    }

    @Override
    public Iterator<CustomerSummary> iterator() {
        return customers.iterator();
    }
}
