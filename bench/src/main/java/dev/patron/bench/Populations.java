package dev.patron.bench;

import dev.patron.api.scoring.CustomerSummary;
import dev.patron.host.scoring.SummaryPopulation;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Populations to fit models on, built in memory exactly as the host would summarise them: the
 * CDNOW master log (calibration period) and the synthetic shop.
 */
public final class Populations {

    /** The end of the calibration period of the published CDNOW analyses (weeks 1-39 of 1997). */
    public static final LocalDate CDNOW_AS_OF = LocalDate.of(1997, 9, 30);

    private Populations() {
    }

    /**
     * CDNOW_master.txt (` customer_id date cds dollars`, whitespace-separated): one order per row at
     * midnight UTC of its date, amount in cents, up to {@link #CDNOW_AS_OF}. Several orders on one
     * day stay separate orders, as an import would store them.
     */
    public static SummaryPopulation cdnow(Path file) throws IOException {
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        Map<String, CustomerSummary.Builder> builders = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || !Character.isDigit(f[0].charAt(0))) {
                    continue; // header or blank
                }
                LocalDate day = LocalDate.parse(f[1], yyyymmdd);
                if (day.isAfter(CDNOW_AS_OF)) {
                    continue;
                }
                long cents = Math.round(Double.parseDouble(f[3]) * 100);
                builders.computeIfAbsent(f[0], id -> CustomerSummary.builder(id, CDNOW_AS_OF, ZoneOffset.UTC))
                        .order(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), cents);
            }
        }
        if (builders.isEmpty()) {
            throw new IOException(file + " holds no CDNOW rows");
        }
        List<CustomerSummary> customers = new ArrayList<>(builders.size());
        builders.values().forEach(b -> customers.add(b.build()));
        return new SummaryPopulation(CDNOW_AS_OF, List.copyOf(customers));
    }

    /** The synthetic shop of {@code customers} customers, summarised as of its last day. */
    public static SummaryPopulation synthetic(int customers, long seed) {
        Dataset data = new Dataset(customers, seed);
        List<CustomerSummary> summaries = new ArrayList<>(customers);
        data.generator().generate(customers, (customer, orders, refunds) -> {
            CustomerSummary.Builder b = CustomerSummary.builder(customer.id(), data.asOf(), Dataset.ZONE);
            customer.attributes().forEach((k, v) -> b.attribute(k, v == null ? null : String.valueOf(v)));
            for (Order o : orders) {
                b.order(o.placedAt().getEpochSecond(), o.amountMinor());
            }
            for (Refund r : refunds) {
                b.refund(r.refundedAt().getEpochSecond(), r.amountMinor());
            }
            summaries.add(b.build());
        });
        return new SummaryPopulation(data.asOf(), List.copyOf(summaries));
    }
}
