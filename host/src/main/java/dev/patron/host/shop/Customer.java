package dev.patron.host.shop;

import java.util.Map;
import java.util.Objects;

/**
 * A shop's customer or prospect (a lead is a customer without orders).
 *
 * @param attributes free profile attributes (budget, role, decisionMaker, need, inquiredAt, ...);
 *     values are JSON scalars: String, Boolean, Number or null
 */
public record Customer(String id, String name, String email, String phone, Map<String, Object> attributes) {

    public Customer {
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
