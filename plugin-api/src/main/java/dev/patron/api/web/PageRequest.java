package dev.patron.api.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request for a plugin's console page or customer panel.
 *
 * @param locale the staff member's language (English or Simplified Chinese)
 * @param customerId the customer whose page shows the panel; null for plugin pages
 * @param role the staff member's role: viewer, staff or admin
 */
public record PageRequest(Map<String, List<String>> query, Locale locale, String customerId, String role) {

    public PageRequest {
        query = Map.copyOf(query);
    }

    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
