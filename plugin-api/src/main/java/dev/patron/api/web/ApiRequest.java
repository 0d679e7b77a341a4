package dev.patron.api.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to one of a plugin's REST routes.
 *
 * @param method HTTP method in upper case
 * @param path the path below {@code /api/v1/plugins/<id>}, e.g. {@code /accounts/c-1}
 * @param pathParameters values of the route's {@code :name} segments
 * @param query query parameters (a name may repeat)
 * @param body the JSON body parsed into maps, lists, strings, numbers, booleans and nulls;
 *     null when there was no body
 * @param actor who is asking: a user or token name, or {@code anonymous}
 */
public record ApiRequest(String method, String path, Map<String, String> pathParameters, Map<String, List<String>> query,
                         Object body, String actor) {

    public ApiRequest {
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** The body as a JSON object; fails with a 400 problem when it is missing or not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> bodyObject() {
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ApiProblem(400, "Invalid input", "the body must be a JSON object");
    }
}
