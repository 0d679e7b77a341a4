package dev.patron.api.web;

import java.util.Map;

/**
 * Thrown by a plugin route to answer with an {@code application/problem+json} error.
 *
 * @see #fields() per-field messages, e.g. {@code points -> "must be greater than 0"}
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, String> fields;
    private final transient Map<String, Object> extensions;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, Map.of(), Map.of());
    }

    /**
     * @param fields invalid fields and what is wrong with each
     * @param extensions extra members of the problem document, e.g. {@code balance}
     */
    public ApiProblem(int status, String title, String detail, Map<String, String> fields, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = Map.copyOf(fields);
        this.extensions = Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
