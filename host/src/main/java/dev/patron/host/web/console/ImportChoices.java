package dev.patron.host.web.console;

import dev.patron.host.imports.ImportFormat;
import dev.patron.host.imports.ImportKind;
import dev.patron.host.imports.ImportMapping;
import dev.patron.host.imports.ImportOptions;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an administrator chose for an uploaded file: the kind, format, encoding and mapping, which
 * column gives which field, and how to import. Read from the preview's query or form and written
 * back into its links and hidden fields, so every step carries the same choices.
 *
 * @param format {@code csv}, {@code ndjson}, or "" to recognise it
 * @param mapping a built-in mapping's name, or ""
 * @param fields field → column ("" for none), or null while the columns were not chosen yet
 *     (then the importer's own reading of the header fills them in)
 * @param problems what could not be read, for the page
 */
public record ImportChoices(ImportKind kind, String format, String encoding, String mapping, Map<String, String> fields,
                     boolean createCustomers, boolean strict, boolean score, List<Problem> problems) {

    /** A choice that could not be read: a message key of the console, the value given and a detail (or ""). */
    public record Problem(String key, String value, String detail) {

        Problem(String key, String value) {
            this(key, value, "");
        }
    }

    static final String FIELD = "f.";
    /** Names the kind and mapping the field choices were made for: other choices start afresh. */
    static final String FIELDS_FOR = "fieldsFor";

    /** Reads choices from a query or a form. */
    static ImportChoices from(MultiMap params) {
        List<Problem> problems = new ArrayList<>();
        ImportKind kind = ImportKind.ORDERS;
        try {
            kind = ImportKind.parse(params.get("kind") == null ? "orders" : params.get("kind"));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("imports.problem.kind", params.get("kind")));
        }
        String format = text(params.get("format"));
        if (!format.isEmpty()) {
            try {
                format = ImportFormat.parse(format).json();
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("imports.problem.format", format));
                format = "";
            }
        }
        String encoding = text(params.get("encoding"));
        if (encoding.isEmpty()) {
            encoding = StandardCharsets.UTF_8.name();
        } else if (!supported(encoding)) {
            problems.add(new Problem("imports.problem.encoding", encoding));
            encoding = StandardCharsets.UTF_8.name();
        }
        String mapping = text(params.get("mapping"));
        if (!mapping.isEmpty() && ImportMapping.builtIn(mapping).isEmpty()) {
            problems.add(new Problem("imports.problem.mapping", mapping));
            mapping = "";
        }
        Map<String, String> fields = null;
        if ((kind.json() + ":" + mapping).equals(params.get(FIELDS_FOR))) {
            fields = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : params) {
                if (e.getKey().startsWith(FIELD) && e.getKey().length() > FIELD.length()) {
                    fields.put(e.getKey().substring(FIELD.length()), e.getValue());
                }
            }
        }
        return new ImportChoices(kind, format, encoding, mapping, fields, flag(params, "createCustomers"), flag(params, "strict"),
                flag(params, "score"), List.copyOf(problems));
    }

    /** These choices with the field choices the page showed. */
    ImportChoices withFields(Map<String, String> chosen) {
        return new ImportChoices(kind, format, encoding, mapping, new LinkedHashMap<>(chosen), createCustomers, strict, score, problems);
    }

    /** The importer's options for {@code fileName} (renames come from the field choices, see {@link dev.patron.host.imports.ImportPreview#renames}). */
    ImportOptions options(String fileName, Map<String, String> renames) {
        return new ImportOptions(kind, format.isEmpty() ? null : ImportFormat.parse(format), mapping.isEmpty() ? null : mapping,
                renames, false, strict, Charset.forName(encoding), null, null, createCustomers, 0, fileName);
    }

    /** Every choice as name/value pairs: hidden fields of a form, or a query. */
    List<Map.Entry<String, String>> params() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(pair("kind", kind.json()));
        params.add(pair("format", format));
        params.add(pair("encoding", encoding));
        params.add(pair("mapping", mapping));
        if (fields != null) {
            params.add(pair(FIELDS_FOR, kind.json() + ":" + mapping));
            fields.forEach((field, column) -> params.add(pair(FIELD + field, column == null ? "" : column)));
        }
        if (createCustomers) {
            params.add(pair("createCustomers", "true"));
        }
        if (strict) {
            params.add(pair("strict", "true"));
        }
        if (score) {
            params.add(pair("score", "true"));
        }
        return params;
    }

    /** The choices as a URL query (without the '?'). */
    String query() {
        return params().stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue())).collect(Collectors.joining("&"));
    }

    private static Map.Entry<String, String> pair(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static boolean flag(MultiMap params, String name) {
        String value = params.get(name);
        return "true".equals(value) || "on".equals(value) || "1".equals(value);
    }

    private static boolean supported(String encoding) {
        try {
            return Charset.isSupported(encoding);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
