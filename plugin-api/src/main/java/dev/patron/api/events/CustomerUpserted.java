package dev.patron.api.events;

import java.util.Map;
import java.util.Objects;

/**
 * A customer was created or their profile replaced.
 *
 * @param attributes the profile attributes, every value as text
 * @param created true for a new customer
 */
public record CustomerUpserted(String customerId, Map<String, String> attributes, boolean created) {

    public CustomerUpserted {
        Objects.requireNonNull(customerId, "customerId");
        attributes = Map.copyOf(attributes);
    }
}
