package dev.patron.api.web;

/**
 * A plugin route's answer.
 *
 * @param status HTTP status
 * @param body maps, lists, strings, numbers, booleans and nulls, written as JSON; null for no body
 */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }
}
