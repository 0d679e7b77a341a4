package dev.patron.host.imports;

import dev.patron.api.events.CustomerUpserted;
import dev.patron.api.events.OrderPlaced;
import dev.patron.api.events.OrderRefunded;
import dev.patron.host.events.EventDispatcher.Failures;
import dev.patron.host.shop.ShopService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the events of an import chunk go: to the plugins' handlers, inside the chunk's
 * transaction, through {@link ShopService#deliverBulk}. Tests record them instead.
 */
public interface ChunkEvents {

    Failures deliver(Connection c, List<CustomerUpserted> customers, List<OrderPlaced> orders, List<OrderRefunded> refunds)
            throws SQLException;

    void afterCommit(Failures failures);

    static ChunkEvents of(ShopService writes) {
        return new ChunkEvents() {
            @Override
            public Failures deliver(Connection c, List<CustomerUpserted> customers, List<OrderPlaced> orders,
                                    List<OrderRefunded> refunds) throws SQLException {
                return writes.deliverBulk(c, customers, orders, refunds);
            }

            @Override
            public void afterCommit(Failures failures) {
                writes.afterBulkCommit(failures);
            }
        };
    }
}
