package dev.patron.host.shop;

/**
 * One invalid input field.
 *
 * @param field the field's path in the request, e.g. {@code orders[3].amount}
 * @param message what is wrong and how to fix it
 */
public record FieldError(String field, String message) {
}
