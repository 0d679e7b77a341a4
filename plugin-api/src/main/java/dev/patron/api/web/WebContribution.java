package dev.patron.api.web;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * What a plugin adds to the HTTP API and the console. The host mounts it when the plugin starts
 * and removes every piece when it stops: REST routes under {@code /api/v1/plugins/<id>/}, pages
 * under {@code /console/plugins/<id>/} with their navigation entries, a panel on the customer
 * page, and static assets from the jar's {@code assets/<id>/} folder at {@code /plugins/<id>/assets/}.
 * Console texts come from the jar's {@code i18n/<id>/messages*.properties}.
 */
public interface WebContribution extends ExtensionPoint {

    default List<ApiRoute> routes() {
        return List.of();
    }

    default List<ConsolePage> pages() {
        return List.of();
    }

    /** The panel shown on a customer's page; empty to show none for this customer. Runs on a worker thread. */
    default Optional<PageView> customerPanel(PageRequest request) {
        return Optional.empty();
    }
}
