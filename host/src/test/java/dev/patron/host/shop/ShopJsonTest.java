package dev.patron.host.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShopJsonTest {

    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private final ShopJson json = new ShopJson(Currency.getInstance("USD"), Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<FieldError> errors = new ArrayList<>();

    private static JsonObject validOrder() {
        return new JsonObject("""
                {"id": "o-1001", "customerId": "c-1", "placedAt": "2026-01-02T10:00:00+08:00",
                 "amount": "129.90", "currency": "USD", "channel": "web",
                 "lines": [{"sku": "TEA-01", "quantity": 2, "unitPrice": "64.95"}]}""");
    }

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }

    private String messageOf(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + errors));
    }

    @Test
    void validCustomerParsesWithScalarAttributes() {
        JsonObject body = new JsonObject("""
                {"id": "c-1", "name": "Ann Lee", "email": "ann@example.com", "phone": "+86 138 0000 0000",
                 "attributes": {"budget": "50000.00", "decisionMaker": true, "visits": 3, "note": null}}""");

        Customer customer = json.customer(body, "", errors);

        assertThat(errors).isEmpty();
        assertThat(customer.id()).isEqualTo("c-1");
        assertThat(customer.name()).isEqualTo("Ann Lee");
        assertThat(customer.email()).isEqualTo("ann@example.com");
        assertThat(customer.phone()).isEqualTo("+86 138 0000 0000");
        assertThat(customer.attributes()).containsEntry("budget", "50000.00").containsEntry("decisionMaker", true)
                .containsEntry("visits", 3).containsKey("note");
    }

    @Test
    void customerNeedsOnlyAnId() {
        Customer customer = json.customer(new JsonObject().put("id", "lead:42@web"), "", errors);

        assertThat(errors).isEmpty();
        assertThat(customer).isEqualTo(new Customer("lead:42@web", null, null, null, Map.of()));
    }

    @Test
    void validOrderParsesToMinorUnitsAndAnInstant() {
        Order order = json.order(validOrder(), "", errors);

        assertThat(errors).isEmpty();
        assertThat(order).isEqualTo(new Order("o-1001", "c-1", Instant.parse("2026-01-02T02:00:00Z"), 12990, "USD", "web",
                List.of(new OrderLine("TEA-01", 2, 6495))));
    }

    @Test
    void orderWrittenAsJsonParsesBackToTheSameOrder() {
        Order order = json.order(validOrder(), "", errors);

        Order again = json.order(json.toJson(order), "", errors);

        assertThat(errors).isEmpty();
        assertThat(again).isEqualTo(order);
    }

    @Test
    void orderOfZeroIsAllowed() {
        Order order = json.order(validOrder().put("amount", "0.00").put("lines", null), "", errors);

        assertThat(errors).isEmpty();
        assertThat(order.amountMinor()).isZero();
        assertThat(order.lines()).isEmpty();
    }

    @Test
    void orderUpToOneDayAheadIsAcceptedForClockSkew() {
        json.order(validOrder().put("placedAt", "2026-01-11T00:00:00Z"), "", errors);

        assertThat(errors).isEmpty();
    }

    @Test
    void refundWithoutTimeIsDatedNow() {
        Refund refund = json.refund(new JsonObject().put("id", "r-1").put("amount", "10.00"), "o-1001", errors);

        assertThat(errors).isEmpty();
        assertThat(refund).isEqualTo(new Refund("r-1", "o-1001", 1000, NOW));
    }

    @Nested
    class InvalidCustomer {

        @Test
        void everyProblemIsReportedAtOnceWithItsPath() {
            JsonObject body = new JsonObject("""
                    {"id": "bad id!", "email": "not-an-email", "nickname": "Annie",
                     "attributes": {"address": {"city": "Shanghai"}, "tags": ["a"], "1st": "x"}}""");

            Customer customer = json.customer(body, "customers[1]", errors);

            assertThat(customer).isNull();
            assertThat(fields()).containsExactlyInAnyOrder("customers[1].nickname", "customers[1].id", "customers[1].email",
                    "customers[1].attributes.address", "customers[1].attributes.tags", "customers[1].attributes.1st");
            assertThat(messageOf("customers[1].nickname")).contains("allowed fields are attributes, email, id, name, phone");
            assertThat(messageOf("customers[1].attributes.address")).contains("not an object or array");
            assertThat(messageOf("customers[1].email")).contains("'not-an-email' is not an e-mail address");
        }

        @Test
        void missingIdIsRequired() {
            json.customer(new JsonObject().put("name", "Ann"), "", errors);

            assertThat(errors).containsExactly(new FieldError("id", "is required"));
        }

        @Test
        void idThatIsNotAStringOrTooLong() {
            json.customer(new JsonObject().put("id", 42), "a", errors);
            json.customer(new JsonObject().put("id", "c" + "x".repeat(128)), "b", errors);
            json.customer(new JsonObject().put("id", "-starts-with-dash"), "c", errors);

            assertThat(errors).extracting(FieldError::field).containsExactly("a.id", "b.id", "c.id");
            assertThat(errors.get(0).message()).isEqualTo("must be a string");
            assertThat(errors.get(1).message()).contains("at most 128");
            assertThat(errors.get(2).message()).contains("starting with a letter or digit");
        }
    }

    @Nested
    class InvalidOrder {

        @Test
        void everyProblemIsReportedAtOnceWithABatchPath() {
            JsonObject body = new JsonObject("""
                    {"id": "o 1", "placedAt": "2026-01-02T10:00:00", "amount": 12.5, "currency": "EUR",
                     "note": "gift", "lines": [{"sku": "A", "quantity": 0, "unitPrice": "1.00"}, "x"]}""");

            Order order = json.order(body, "orders[2]", errors);

            assertThat(order).isNull();
            assertThat(fields()).containsExactlyInAnyOrder("orders[2].note", "orders[2].id", "orders[2].customerId",
                    "orders[2].placedAt", "orders[2].currency", "orders[2].amount", "orders[2].lines[0].quantity",
                    "orders[2].lines[1]");
            assertThat(messageOf("orders[2].customerId")).isEqualTo("is required");
            assertThat(messageOf("orders[2].placedAt")).contains("with an offset");
            assertThat(messageOf("orders[2].amount")).contains("not a JSON number");
            assertThat(messageOf("orders[2].currency")).contains("not the shop currency USD");
            assertThat(messageOf("orders[2].lines[0].quantity")).contains("between 1 and 1000000");
        }

        @Test
        void negativeAmount() {
            json.order(validOrder().put("amount", "-5.00"), "orders[0]", errors);

            assertThat(fields()).containsExactly("orders[0].amount");
            assertThat(messageOf("orders[0].amount")).contains("'-5.00' must be 0 or more");
        }

        @Test
        void malformedAmount() {
            json.order(validOrder().put("amount", "12,5"), "", errors);

            assertThat(fields()).containsExactly("amount");
            assertThat(messageOf("amount")).contains("must be a decimal string");
        }

        @Test
        void amountWithTooManyDecimals() {
            json.order(validOrder().put("amount", "12.345"), "", errors);

            assertThat(fields()).containsExactly("amount");
            assertThat(messageOf("amount")).contains("more than 2 decimal places");
        }

        @Test
        void missingAmount() {
            JsonObject body = validOrder();
            body.remove("amount");

            json.order(body, "", errors);

            assertThat(errors).containsExactly(new FieldError("amount", "is required"));
        }

        @Test
        void placedAtMoreThanADayInTheFuture() {
            json.order(validOrder().put("placedAt", "2026-01-11T00:00:01Z"), "", errors);

            assertThat(fields()).containsExactly("placedAt");
            assertThat(messageOf("placedAt")).contains("is in the future");
        }

        @Test
        void placedAtThatIsNotADate() {
            json.order(validOrder().put("placedAt", "yesterday"), "", errors);

            assertThat(fields()).containsExactly("placedAt");
        }

        @Test
        void linesWithFractionalMissingOrHugeQuantityAndBadPrice() {
            JsonObject body = validOrder().put("lines", new io.vertx.core.json.JsonArray("""
                    [{"sku": "A", "quantity": 1.5, "unitPrice": "1.00"},
                     {"sku": "B", "unitPrice": "1.00"},
                     {"sku": "C", "quantity": 2000000, "unitPrice": "1.00"},
                     {"sku": "D", "quantity": 1, "unitPrice": "-1.00", "color": "red"}]"""));

            json.order(body, "orders[4]", errors);

            assertThat(fields()).containsExactlyInAnyOrder("orders[4].lines[0].quantity", "orders[4].lines[1].quantity",
                    "orders[4].lines[2].quantity", "orders[4].lines[3].unitPrice", "orders[4].lines[3].color");
            assertThat(messageOf("orders[4].lines[0].quantity")).isEqualTo("must be a whole number");
            assertThat(messageOf("orders[4].lines[1].quantity")).isEqualTo("is required");
        }

        @Test
        void linesThatAreNotAnArray() {
            json.order(validOrder().put("lines", "TEA-01 x2"), "", errors);

            assertThat(errors).containsExactly(new FieldError("lines", "must be a JSON array"));
        }
    }

    @Nested
    class InvalidRefund {

        @Test
        void zeroAmountMustBeGreaterThanZero() {
            Refund refund = json.refund(new JsonObject().put("id", "r-1").put("amount", "0.00"), "o-1", errors);

            assertThat(refund).isNull();
            assertThat(fields()).containsExactly("amount");
            assertThat(messageOf("amount")).contains("greater than 0");
        }

        @Test
        void negativeAmount() {
            json.refund(new JsonObject().put("id", "r-1").put("amount", "-1.00"), "o-1", errors);

            assertThat(fields()).containsExactly("amount");
        }

        @Test
        void everyProblemAtOnce() {
            JsonObject body = new JsonObject().put("amount", 5).put("refundedAt", "2026-02-01T00:00:00Z").put("reason", "x");

            json.refund(body, "o-1", errors);

            assertThat(fields()).containsExactlyInAnyOrder("reason", "id", "amount", "refundedAt");
            assertThat(messageOf("refundedAt")).contains("in the future");
        }
    }
}
