package dev.patron.plugin.clv.support;

import dev.patron.api.scoring.CustomerSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CDNOW transaction logs (Fader and Hardie) into customer summaries: each row becomes
 * an order at noon UTC on its date, for its dollar value in cents. Two layouts are accepted:
 * the master file ({@code customer_id date number_of_cds dollar_value}, with a header line) and
 * the 1/10 sample ({@code master_id sample_id date number_of_cds dollar_value}, no header).
 */
public final class Cdnow {

    /** The test resource with the 1/10 sample (2,357 customers). */
    public static final String SAMPLE_RESOURCE = "/cdnow/CDNOW_sample.txt";
    /** Where the full master file lives in a development checkout, next to the repository. */
    public static final Path MASTER = Path.of("..", "..", "..", "shared", "data", "cdnow", "CDNOW_master.txt");
    /** The last day of the published calibration period (weeks 1-39). */
    public static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    /** The last day of the data. */
    public static final LocalDate END = LocalDate.of(1998, 6, 30);

    private Cdnow() {
    }

    /** The 1/10 sample from the test class path, as of {@code asOf}. */
    public static ListPopulation sample(LocalDate asOf) {
        try (InputStream in = Cdnow.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + SAMPLE_RESOURCE + " is missing");
            }
            return read(in, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CDNOW file (either layout), as of {@code asOf}: later rows are left out. */
    public static ListPopulation file(Path path, LocalDate asOf) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the master file is, if this checkout has the shared data next to it. */
    public static Path findMaster() {
        for (Path candidate : List.of(MASTER, Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt"),
                Path.of("/work/shared/data/cdnow/CDNOW_master.txt"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static ListPopulation read(InputStream in, LocalDate asOf) throws IOException {
        Map<String, CustomerSummary.Builder> customers = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        String line;
        while ((line = reader.readLine()) != null) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !Character.isDigit(f[0].charAt(0))) {
                continue; // header or blank
            }
            String id = f[0];
            String date = f.length >= 5 ? f[2] : f[1];
            String dollars = f.length >= 5 ? f[4] : f[3];
            LocalDate day = LocalDate.of(Integer.parseInt(date.substring(0, 4)), Integer.parseInt(date.substring(4, 6)),
                    Integer.parseInt(date.substring(6, 8)));
            if (day.isAfter(asOf)) {
                continue;
            }
            long cents = new BigDecimal(dollars).movePointRight(2).longValueExact();
            customers.computeIfAbsent(id, k -> CustomerSummary.builder(k, asOf, ZoneOffset.UTC))
                    .order(day.atTime(12, 0).toEpochSecond(ZoneOffset.UTC), cents);
        }
        List<CustomerSummary> built = new ArrayList<>(customers.size());
        customers.values().forEach(b -> built.add(b.build()));
        return new ListPopulation(asOf, built);
    }
}
