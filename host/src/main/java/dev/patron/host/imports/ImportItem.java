package dev.patron.host.imports;

import dev.patron.host.shop.Customer;
import dev.patron.host.shop.Order;
import dev.patron.host.shop.OrderEncoding;
import dev.patron.host.shop.Refund;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** One validated thing to write, with the file lines it came from (for reporting what the store refuses). */
sealed interface ImportItem {

    /** How many rows of the file this item stands for. */
    int rows();

    record CustomerItem(long line, Customer customer) implements ImportItem {
        @Override
        public int rows() {
            return 1;
        }
    }

    /**
     * @param customerAttributes attributes for the customer when the import creates it
     * @param encoding what the orders table stores beside the order, computed where the item is made (the reading thread)
     */
    record OrderItem(Order order, long[] lines, Map<String, Object> customerAttributes, OrderEncoding encoding)
            implements ImportItem {

        OrderItem(Order order, long[] lines, Map<String, Object> customerAttributes) {
            this(order, lines, customerAttributes, OrderEncoding.of(order));
        }

        @Override
        public int rows() {
            return lines.length;
        }
    }

    record RefundItem(long line, Refund refund) implements ImportItem {
        @Override
        public int rows() {
            return 1;
        }
    }

    /**
     * A cancellation invoice: goods worth {@code valueMinor} returned by a customer, to be turned
     * into refunds of their earlier orders.
     *
     * @param skus the returned stock codes (orders holding them are refunded first)
     */
    record CancellationItem(String invoiceId, String customerId, Instant at, long valueMinor, Set<String> skus,
                            long[] lines) implements ImportItem {
        @Override
        public int rows() {
            return lines.length;
        }
    }
}
