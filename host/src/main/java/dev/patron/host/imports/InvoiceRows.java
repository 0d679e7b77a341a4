package dev.patron.host.imports;

import dev.patron.host.imports.ImportItem.CancellationItem;
import dev.patron.host.imports.ImportItem.OrderItem;
import dev.patron.host.imports.InvoiceGrouper.Invoice;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderLine;
import dev.patron.host.shop.ShopJson;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Invoice lines (one row per product on an invoice) turned into orders and cancellations:
 * <ul>
 * <li>a row is skipped when its invoice id has a skipped prefix (UCI {@code A}: bad-debt
 *     adjustments), when it has no customer id (a guest), a zero price or zero quantity, or when it
 *     repeats a line of its invoice exactly; a negative price is rejected;</li>
 * <li>an invoice of sales becomes one order: amount = Σ quantity × unit price, exact, rounded half
 *     up to the currency's minor unit once per order; placed at its earliest line's time;</li>
 * <li>an invoice with the cancellation prefix (UCI {@code C}), or whose lines all have negative
 *     quantities, is a cancellation, refunded against the customer's earlier orders when written
 *     ({@link CancellationMatcher}); an invoice mixing sales and returns is rejected.</li>
 * </ul>
 */
final class InvoiceRows {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,12}(\\.\\d{0,8})?|\\.\\d{1,8})");

    private final ColumnPlan plan;
    private final ImportMapping mapping;
    private final ShopJson json;
    private final ZoneId zone;
    private final Currency currency;
    private final ItemSink out;
    private final InvoiceGrouper grouper;

    InvoiceRows(ColumnPlan plan, ImportMapping mapping, ShopJson json, ZoneId zone, Currency currency, int window, ItemSink out) {
        this.plan = plan;
        this.mapping = mapping;
        this.json = json;
        this.zone = zone;
        this.currency = currency;
        this.out = out;
        this.grouper = new InvoiceGrouper(window, this::assemble, duplicate -> out.issue(new Issue(duplicate.line(),
                "", "", IssueCode.DUPLICATE_LINE, "repeats an earlier line of invoice " + duplicate.invoiceId()
                + " exactly; counted once")));
    }

    /** Lines held in invoices not complete yet. */
    int held() {
        return grouper.held();
    }

    void finish() {
        grouper.finish();
    }

    void accept(SourceRow row) {
        String invoiceId = row.text("id");
        if (invoiceId == null) {
            issue(row, "id", IssueCode.INVALID, "id (the invoice number) is required");
            return;
        }
        for (Map.Entry<String, String> prefix : mapping.skippedPrefixes().entrySet()) {
            if (invoiceId.startsWith(prefix.getKey())) {
                issue(row, "id", IssueCode.NOT_A_SALE, "invoice " + invoiceId + " is " + prefix.getValue() + "; skipped");
                return;
            }
        }
        String customerId = row.text("customerId");
        if (customerId == null) {
            issue(row, "customerId", IssueCode.GUEST_LINE, "no customer id: a guest checkout, which Patron cannot score; skipped");
            return;
        }
        int before = problems;
        Instant placedAt = instant(row);
        Long quantity = whole(row, "quantity");
        BigDecimal unitPrice = decimal(row, "unitPrice");
        String sku = row.text("sku");
        if (sku != null && sku.length() > 64) {
            issue(row, "sku", IssueCode.INVALID, "sku must be at most 64 characters");
        }
        String rowCurrency = row.text("currency");
        if (rowCurrency != null && !rowCurrency.equals(currency.getCurrencyCode())) {
            issue(row, "currency", IssueCode.INVALID, "currency '" + rowCurrency + "' is not the shop currency "
                    + currency.getCurrencyCode() + "; convert the amounts or change shop.currency");
        }
        if (problems != before) {
            return;
        }
        if (unitPrice.signum() < 0) {
            issue(row, "unitPrice", IssueCode.NEGATIVE_PRICE, "a negative unit price is not a sale; record money returned as a"
                    + " cancellation (negative quantity) instead");
        } else if (unitPrice.signum() == 0) {
            issue(row, "unitPrice", IssueCode.ZERO_PRICE, "a zero price moves no money (a free item or a stock adjustment); skipped");
        } else if (quantity == 0) {
            issue(row, "quantity", IssueCode.ZERO_QUANTITY, "a zero quantity moves no money; skipped");
        } else {
            Map<String, Object> attributes = new LinkedHashMap<>();
            row.fields().forEach((field, value) -> {
                if (field.startsWith(ColumnPlan.ATTRIBUTES)) {
                    attributes.put(field.substring(ColumnPlan.ATTRIBUTES.length()), value);
                }
            });
            grouper.add(new InvoiceLine(row.line(), invoiceId, customerId, placedAt, quantity, unitPrice, sku,
                    row.text("channel"), attributes, row.raw()));
        }
    }

    private int problems;
    private String lastTime;
    private Instant lastInstant;

    private void issue(SourceRow row, String field, IssueCode code, String reason) {
        if (code.outcome() == IssueCode.Outcome.REJECTED) {
            problems++;
        }
        String value = row.text(field);
        out.issue(new Issue(row.line(), plan.columnOf(field), value == null ? "" : value, code, reason));
    }

    private Instant instant(SourceRow row) {
        String text = row.text("placedAt");
        if (text == null) {
            issue(row, "placedAt", IssueCode.INVALID, "placedAt is required");
            return null;
        }
        if (text.equals(lastTime)) {
            // The lines of an invoice share their time: parsing once per invoice saves a sixth of the import.
            return lastInstant;
        }
        try {
            lastInstant = Times.parse(text, zone);
            lastTime = text;
            return lastInstant;
        } catch (DateTimeException e) {
            issue(row, "placedAt", IssueCode.INVALID, "placedAt " + e.getMessage());
            return null;
        }
    }

    private Long whole(SourceRow row, String field) {
        String text = row.text(field);
        if (text == null || !WHOLE.matcher(text).matches()) {
            issue(row, field, IssueCode.INVALID, field + (text == null ? " is required" : " must be a whole number such as 6 or -2"));
            return null;
        }
        return Long.parseLong(text);
    }

    private BigDecimal decimal(SourceRow row, String field) {
        String text = row.text(field);
        if (text == null || !DECIMAL.matcher(text).matches()) {
            issue(row, field, IssueCode.INVALID, field + (text == null ? " is required" : " must be a decimal number such as 2.55"));
            return null;
        }
        return new BigDecimal(text);
    }

    private void assemble(Invoice invoice) {
        List<InvoiceLine> lines = new ArrayList<>(invoice.lines());
        String customerId = lines.get(0).customerId();
        lines.removeIf(line -> {
            if (line.customerId().equals(customerId)) {
                return false;
            }
            lineIssue(line, "customerId", line.customerId(), IssueCode.CUSTOMER_MISMATCH, "invoice " + invoice.id()
                    + " belongs to customer " + customerId + " (its first line); a line for another customer cannot be on it");
            return true;
        });
        boolean prefixed = mapping.cancellationPrefix() != null && invoice.id().startsWith(mapping.cancellationPrefix());
        boolean anySale = lines.stream().anyMatch(l -> l.quantity() > 0);
        boolean anyReturn = lines.stream().anyMatch(l -> l.quantity() < 0);
        if (prefixed && anySale || anySale && anyReturn) {
            String reason = prefixed ? "cancellation invoice " + invoice.id() + " lists goods with a positive quantity; a"
                    + " cancellation returns goods (negative quantities)" : "invoice " + invoice.id() + " mixes sales and returns;"
                    + " put returns on a cancellation invoice of their own";
            lines.forEach(line -> lineIssue(line, "quantity", String.valueOf(line.quantity()), IssueCode.MIXED_INVOICE, reason));
        } else if (anyReturn) {
            cancellation(invoice.id(), customerId, lines);
        } else if (!lines.isEmpty()) {
            sale(invoice.id(), customerId, lines);
        }
    }

    private void sale(String invoiceId, String customerId, List<InvoiceLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        Instant placedAt = lines.get(0).placedAt();
        String channel = null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<OrderLine> orderLines = new ArrayList<>();
        for (InvoiceLine line : lines) {
            BigDecimal value = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            total = total.add(value);
            placedAt = line.placedAt().isBefore(placedAt) ? line.placedAt() : placedAt;
            channel = channel == null ? line.channel() : channel;
            line.attributes().forEach(attributes::putIfAbsent);
            if (plan.has("sku")) {
                orderLines.add(new OrderLine(line.sku(), line.quantity(), minor(line.unitPrice())));
            }
        }
        JsonObject body = new JsonObject()
                .put("id", invoiceId)
                .put("customerId", customerId)
                .put("placedAt", placedAt.toString())
                .put("amount", rounded(total).toPlainString())
                .put("currency", currency.getCurrencyCode())
                .put("channel", channel);
        List<FieldError> errors = new ArrayList<>();
        Order order = json.order(body, "", errors);
        if (!errors.isEmpty()) {
            for (InvoiceLine line : lines) {
                errors.forEach(e -> lineIssue(line, e.field(), String.valueOf(body.getValue(e.field())), IssueCode.INVALID,
                        "order " + invoiceId + ": " + e.field() + " " + e.message()));
            }
            return;
        }
        Order withLines = new Order(order.id(), order.customerId(), order.placedAt(), order.amountMinor(), order.currency(),
                order.channel(), orderLines);
        out.item(new OrderItem(withLines, lineNumbers(lines), attributes));
    }

    private void cancellation(String invoiceId, String customerId, List<InvoiceLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        Instant at = lines.get(0).placedAt();
        Set<String> skus = new LinkedHashSet<>();
        for (InvoiceLine line : lines) {
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(-line.quantity())));
            at = line.placedAt().isBefore(at) ? line.placedAt() : at;
            if (line.sku() != null) {
                skus.add(line.sku());
            }
        }
        out.item(new CancellationItem(invoiceId, customerId, at, minor(total), skus, lineNumbers(lines)));
    }

    private BigDecimal rounded(BigDecimal value) {
        return value.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    private long minor(BigDecimal value) {
        return rounded(value).movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    private void lineIssue(InvoiceLine line, String field, String value, IssueCode code, String reason) {
        out.issue(new Issue(line.line(), plan.columnOf(field), value, code, reason));
    }

    private static long[] lineNumbers(List<InvoiceLine> lines) {
        return lines.stream().mapToLong(InvoiceLine::line).toArray();
    }
}
