package dev.patron.host.shop;

import java.util.Map;

/**
 * One line of the customer list.
 *
 * @param labels label scores by {@code plugin.name}, e.g. {@code rfm.segment -> Champions}
 */
public record CustomerRow(String id, String name, String email, Map<String, String> labels) {
}
