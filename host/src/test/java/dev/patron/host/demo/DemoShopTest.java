package dev.patron.host.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.Refund;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoShopTest {

    private static final LocalDate END = LocalDate.parse("2026-01-31");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final int SIZE = 5_000;

    /** One customer as the generator handed it over. */
    private record Generated(Customer customer, List<Order> orders, List<Refund> refunds) {
    }

    private static List<Generated> shop;

    private static List<Generated> generate(long seed, int size, LocalDate end) {
        List<Generated> result = new ArrayList<>();
        new DemoShop(seed, end, ZONE, CNY).generate(size, (c, o, r) -> result.add(new Generated(c, o, r)));
        return result;
    }

    @BeforeAll
    static void generateOnce() {
        shop = generate(42, SIZE, END);
    }

    private static List<Order> allOrders() {
        return shop.stream().flatMap(g -> g.orders().stream()).toList();
    }

    private static List<Refund> allRefunds() {
        return shop.stream().flatMap(g -> g.refunds().stream()).toList();
    }

    @Test
    void sameSeedSizeAndEndDateGiveTheSameShopRecordForRecord() {
        assertThat(generate(42, SIZE, END)).isEqualTo(shop);
    }

    @Test
    void anotherSeedGivesAnotherShop() {
        List<Generated> other = generate(43, SIZE, END);

        assertThat(other).isNotEqualTo(shop);
        assertThat(other.stream().map(g -> g.orders().size()).toList())
                .isNotEqualTo(shop.stream().map(g -> g.orders().size()).toList());
    }

    @Test
    void anotherEndDateMovesTheShop() {
        assertThat(generate(42, 100, END.minusDays(1))).isNotEqualTo(generate(42, 100, END));
    }

    @Test
    void customersGetSequentialPaddedIdsAndTheirOwnOrders() {
        assertThat(shop).hasSize(SIZE);
        assertThat(shop.get(0).customer().id()).isEqualTo("c-000001");
        assertThat(shop.get(SIZE - 1).customer().id()).isEqualTo("c-005000");
        for (Generated g : shop) {
            assertThat(g.orders()).allSatisfy(o -> assertThat(o.customerId()).isEqualTo(g.customer().id()));
        }
    }

    @Test
    void fiveThousandCustomersGiveAShopSizedOrderBook() {
        assertThat(allOrders().size()).isBetween(35_000, 60_000);
        assertThat(allRefunds()).isNotEmpty();
    }

    @Test
    void orderAndRefundIdsAreUnique() {
        assertThat(allOrders().stream().map(Order::id).distinct().count()).isEqualTo(allOrders().size());
        assertThat(allRefunds().stream().map(Refund::id).distinct().count()).isEqualTo(allRefunds().size());
    }

    @Test
    void someCustomersAreLeadsWithoutOrdersButWithQualificationAttributes() {
        List<Customer> withoutOrders = shop.stream().filter(g -> g.orders().isEmpty()).map(Generated::customer).toList();

        assertThat(withoutOrders.size()).isBetween(SIZE / 50, SIZE / 10);
        assertThat(withoutOrders).allSatisfy(c -> assertThat(c.attributes()).containsKeys("budget", "role", "inquiredAt"));
        assertThat(withoutOrders).allSatisfy(c -> {
            assertThat((String) c.attributes().get("budget")).matches("\\d+\\.00");
            assertThat(LocalDate.parse((String) c.attributes().get("inquiredAt"))).isBetween(END.minusDays(90), END);
        });
    }

    @Test
    void everyOrderIsOnOrBeforeTheEndDateInTheShopZone() {
        Instant end = END.plusDays(1).atStartOfDay(ZONE).toInstant();
        Instant start = END.minusDays(730).atStartOfDay(ZONE).toInstant();

        assertThat(allOrders()).allSatisfy(o -> assertThat(o.placedAt()).isBefore(end).isAfterOrEqualTo(start));
        assertThat(allOrders()).anySatisfy(o -> assertThat(LocalDate.ofInstant(o.placedAt(), ZONE)).isEqualTo(END));
    }

    @Test
    void everyAmountIsPositiveAndInTheShopCurrency() {
        assertThat(allOrders()).allSatisfy(o -> {
            assertThat(o.amountMinor()).isPositive();
            assertThat(o.currency()).isEqualTo("CNY");
        });
        assertThat(allRefunds()).allSatisfy(r -> assertThat(r.amountMinor()).isPositive());
    }

    @Test
    void refundsNeverExceedTheirOrderAndComeAfterIt() {
        Map<String, Order> orders = new HashMap<>();
        allOrders().forEach(o -> orders.put(o.id(), o));
        Map<String, Long> refundedPerOrder = new HashMap<>();
        Instant end = END.plusDays(1).atStartOfDay(ZONE).toInstant();

        for (Generated g : shop) {
            for (Refund refund : g.refunds()) {
                Order order = orders.get(refund.orderId());
                assertThat(order).as(refund.id()).isNotNull();
                assertThat(order.customerId()).isEqualTo(g.customer().id());
                assertThat(refund.refundedAt()).isAfter(order.placedAt()).isBefore(end);
                refundedPerOrder.merge(order.id(), refund.amountMinor(), Long::sum);
            }
        }
        refundedPerOrder.forEach((orderId, refunded) ->
                assertThat(refunded).as(orderId).isLessThanOrEqualTo(orders.get(orderId).amountMinor()));
    }
}
