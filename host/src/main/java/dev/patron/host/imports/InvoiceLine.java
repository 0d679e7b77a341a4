package dev.patron.host.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One valid line of an invoice-lines file.
 *
 * @param quantity units; negative for goods returned
 * @param unitPrice the price as written, exact (may have more decimals than the currency)
 * @param raw the row as found, to recognise exact duplicates
 */
record InvoiceLine(long line, String invoiceId, String customerId, Instant placedAt, long quantity, BigDecimal unitPrice,
                   String sku, String channel, Map<String, Object> attributes, List<String> raw) {
}
