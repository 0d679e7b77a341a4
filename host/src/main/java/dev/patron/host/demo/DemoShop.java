package dev.patron.host.demo;

import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic shop for demos and benchmarks: two years of orders ending on {@code endDate}, with
 * the customer kinds a real shop has — loyal regulars, occasional buyers, one-time buyers,
 * customers who lapsed, recent newcomers, and leads who have not bought yet (with the profile
 * attributes lead qualification reads). The same seed, size and end date always give the same
 * shop, record for record.
 */
public final class DemoShop {

    /** Receives the shop one customer at a time, with that customer's orders and refunds. */
    @FunctionalInterface
    public interface Sink {
        void accept(Customer customer, List<Order> orders, List<Refund> refunds);
    }

    private enum Kind { LOYAL, OCCASIONAL, ONE_TIME, LAPSED, NEW, LEAD }

    private static final String[] GIVEN = {"Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Hui", "Jun", "Xin", "Ling", "Tao", "Mei",
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Leo", "Chloe", "Adam", "Nora", "Omar",
        "Priya", "Ravi", "Hana", "Kenji", "Ana", "Mateo"};
    private static final String[] FAMILY = {"Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
        "Smith", "Jones", "Brown", "Taylor", "Garcia", "Martin", "Müller", "Rossi", "Kim", "Sato", "Singh", "Silva", "Novak", "Dubois"};
    private static final String[] ROLES = {"owner", "director", "purchasing manager", "engineer", "assistant", "store manager", "analyst"};
    private static final String[] NEEDS = {"bulk tea for 12 stores", "gift boxes for staff", "monthly office supply",
        "samples for a new café", "wedding favours", ""};
    private static final String[] CHANNELS = {"web", "web", "web", "store", "store", "app"};

    private final SplittableRandom random;
    private final LocalDate endDate;
    private final ZoneId zone;
    private final Currency currency;
    private final long scale;
    private long nextOrder = 1;
    private long nextRefund = 1;

    public DemoShop(long seed, LocalDate endDate, ZoneId zone, Currency currency) {
        this.random = new SplittableRandom(seed);
        this.endDate = endDate;
        this.zone = zone;
        this.currency = currency;
        this.scale = (long) Math.pow(10, currency.getDefaultFractionDigits());
    }

    /** Generates {@code customers} customers (ids {@code c-000001} ...) into {@code sink}. */
    public void generate(int customers, Sink sink) {
        int width = Math.max(6, String.valueOf(customers).length());
        for (int i = 1; i <= customers; i++) {
            String id = "c-" + pad(i, width);
            Kind kind = kind();
            Customer customer = customer(id, kind);
            List<Order> orders = orders(id, kind);
            sink.accept(customer, orders, refunds(orders));
        }
    }

    private Kind kind() {
        double u = random.nextDouble();
        if (u < 0.12) {
            return Kind.LOYAL;
        } else if (u < 0.45) {
            return Kind.OCCASIONAL;
        } else if (u < 0.73) {
            return Kind.ONE_TIME;
        } else if (u < 0.88) {
            return Kind.LAPSED;
        } else if (u < 0.95) {
            return Kind.NEW;
        }
        return Kind.LEAD;
    }

    private Customer customer(String id, Kind kind) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        String name = given + " " + family;
        String email = (given + "." + family).toLowerCase(java.util.Locale.ROOT).replace("ü", "u") + "." + id.substring(2) + "@example.com";
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (kind == Kind.LEAD || random.nextDouble() < 0.05) {
            long budget = (long) (1_000 * Math.round(Math.exp(8 + 1.5 * random.nextDouble() * 2) / 1_000.0));
            attributes.put("budget", budget + ".00");
            attributes.put("role", ROLES[random.nextInt(ROLES.length)]);
            attributes.put("decisionMaker", random.nextDouble() < 0.4);
            String need = NEEDS[random.nextInt(NEEDS.length)];
            if (!need.isEmpty()) {
                attributes.put("need", need);
            }
            attributes.put("inquiredAt", endDate.minusDays(random.nextInt(90)).toString());
        }
        String phone = random.nextDouble() < 0.6 ? "+86 1" + (30 + random.nextInt(60)) + " " + pad(random.nextInt(10_000), 4)
                + " " + pad(random.nextInt(10_000), 4) : null;
        return new Customer(id, name, email, phone, attributes);
    }

    private List<Order> orders(String customerId, Kind kind) {
        List<Order> orders = new ArrayList<>();
        long last = endDate.toEpochDay();
        long first = endDate.minusDays(730).toEpochDay();
        double typical = Math.exp(Math.log(45) + 0.6 * gaussian()); // the customer's usual basket, major units
        long day;
        long stop = last;
        double meanGap;
        switch (kind) {
            case LOYAL -> {
                day = first + random.nextInt(180);
                meanGap = 6 + random.nextDouble() * 12;
            }
            case OCCASIONAL -> {
                day = first + random.nextInt(500);
                meanGap = 60 + random.nextDouble() * 90;
            }
            case ONE_TIME -> {
                day = first + random.nextInt(730);
                meanGap = Double.POSITIVE_INFINITY;
            }
            case LAPSED -> {
                day = first + random.nextInt(300);
                meanGap = 20 + random.nextDouble() * 40;
                // Never before the first order: a lapsed customer has bought at least once.
                stop = Math.max(day, last - 180 - random.nextInt(360));
            }
            case NEW -> {
                day = last - random.nextInt(90);
                meanGap = 20 + random.nextDouble() * 30;
            }
            default -> {
                return orders;
            }
        }
        while (day <= stop) {
            orders.add(order(customerId, day, typical));
            if (Double.isInfinite(meanGap)) {
                break;
            }
            day += 1 + (long) (-meanGap * Math.log(1 - random.nextDouble()));
        }
        return orders;
    }

    private Order order(String customerId, long epochDay, double typical) {
        double amount = Math.max(1, typical * Math.exp(0.35 * gaussian()));
        long minor = Math.round(amount * scale);
        Instant placedAt = LocalDate.ofEpochDay(epochDay).atTime(8 + random.nextInt(14), random.nextInt(60), random.nextInt(60))
                .atZone(zone).toInstant();
        String id = "o-" + pad(nextOrder++, 8);
        return new Order(id, customerId, placedAt, minor, currency.getCurrencyCode(), CHANNELS[random.nextInt(CHANNELS.length)], List.of());
    }

    private List<Refund> refunds(List<Order> orders) {
        List<Refund> refunds = new ArrayList<>();
        Instant end = endDate.plusDays(1).atStartOfDay(zone).toInstant();
        for (Order order : orders) {
            if (random.nextDouble() >= 0.04 || order.amountMinor() == 0) {
                continue;
            }
            long amount = random.nextBoolean() ? order.amountMinor()
                    : Math.max(1, Math.round(order.amountMinor() * (0.3 + 0.4 * random.nextDouble())));
            Instant at = order.placedAt().plusSeconds(86_400L * (1 + random.nextInt(20)));
            if (at.isBefore(end)) {
                refunds.add(new Refund("r-" + pad(nextRefund++, 7), order.id(), amount, at));
            }
        }
        return refunds;
    }

    private double gaussian() {
        // Box-Muller on the one seeded stream, so the sequence never depends on the JDK's Random internals.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String pad(long value, int width) {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }
}
