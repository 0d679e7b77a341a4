package dev.patron.plugin.rfm;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.api.scoring.Population;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

/** A population over a fixed list of summaries. */
record TestPopulation(LocalDate asOf, List<CustomerSummary> customers) implements Population {

    static TestPopulation of(List<CustomerSummary> customers) {
        return new TestPopulation(Customers.AS_OF, List.copyOf(customers));
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
