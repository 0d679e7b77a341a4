package dev.patron.plugin.clv.support;

import dev.patron.api.scoring.CustomerSummary;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates a shop whose customers follow BG/NBD and Gamma-Gamma exactly, for parameter recovery
 * and benchmarks. Deterministic for a seed.
 *
 * <p>Each customer first buys at noon on a day drawn uniformly from the {@code joinDays} days
 * before (and including) the as-of date. Their purchase rate is λ ~ Gamma(r, rate α) per day,
 * their dropout probability p ~ Beta(a, b). From the first purchase, waiting times are
 * exponential with rate λ; after each repeat purchase they drop out with probability p; purchases
 * after the as-of day are not observed. Each purchase is worth z ~ Gamma(p_s, rate ν) with
 * ν ~ Gamma(q, rate γ) per customer (mean p_s γ / (q - 1)), in cents, at least one cent.
 *
 * @param r BG/NBD r
 * @param alphaDays BG/NBD alpha, in days
 * @param a BG/NBD a
 * @param b BG/NBD b
 * @param p Gamma-Gamma p
 * @param q Gamma-Gamma q
 * @param gamma Gamma-Gamma gamma, in dollars
 */
public record Simulation(double r, double alphaDays, double a, double b, double p, double q, double gamma) {

    /** Parameters of the order of CDNOW's (alpha 4.4 weeks there; 10 weeks here), in days. */
    public static final Simulation TYPICAL = new Simulation(0.5, 70, 0.7, 2.5, 6, 4, 15);

    public List<CustomerSummary> customers(int count, LocalDate asOf, int joinDays, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CustomerSummary> customers = new ArrayList<>(count);
        long end = asOf.toEpochDay();
        int width = Math.max(7, Integer.toString(count).length());
        for (int i = 0; i < count; i++) {
            long first = end - random.nextInt(joinDays);
            double observed = end - first; // days from the first purchase (day 0) to the as-of day
            double lambda = gamma(random, r) / alphaDays;
            double dropout = beta(random, a, b);
            double nu = gamma(random, q) / gamma;
            CustomerSummary.Builder customer = CustomerSummary.builder(id(i, width), asOf, ZoneOffset.UTC);
            long noon = LocalDate.ofEpochDay(first).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
            customer.order(noon, cents(random, nu));
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > observed) {
                    break;
                }
                customer.order(noon + (long) (t * 86_400), cents(random, nu));
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            customers.add(customer.build());
        }
        return customers;
    }

    private long cents(SplittableRandom random, double nu) {
        return Math.max(1, Math.round(100 * gamma(random, p) / nu));
    }

    private static String id(int i, int width) {
        String digits = Integer.toString(i + 1);
        return "s-" + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape < 1. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
