package dev.patron.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, percentiles and the number formats of the results table. */
final class Stats {

    private Stats() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile {@code p} (0-100) of {@code values}, which it sorts in place. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** 1234567 → "1,234,567". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A duration in seconds with two decimals, or milliseconds below one second. */
    static String duration(double seconds) {
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
        }
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String ms(double millis) {
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    /** A file size: KB below one megabyte, else MB. */
    static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0) : mb(bytes);
    }

    static String ratio(double ratio) {
        if (ratio >= 100) {
            return String.format(Locale.ROOT, "%.0fx", ratio);
        }
        if (ratio >= 10) {
            return String.format(Locale.ROOT, "%.1fx", ratio);
        }
        if (ratio >= 0.01 || ratio <= 0) {
            return String.format(Locale.ROOT, "%.2fx", ratio);
        }
        // Two significant digits, so a small ratio never reads as zero.
        return new java.math.BigDecimal(ratio).round(new java.math.MathContext(2)).toPlainString() + "x";
    }
}
