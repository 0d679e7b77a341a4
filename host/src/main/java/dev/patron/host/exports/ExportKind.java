package dev.patron.host.exports;

import dev.patron.api.exports.ExportFilter;
import java.util.List;
import java.util.Set;

/**
 * What one kind of export is, for listings, the API description and error messages.
 *
 * @param pluginId the plugin that offers it; null for the host's own
 */
public record ExportKind(String name, String description, List<String> columns, Set<ExportFilter> filters, String pluginId) {

    public ExportKind {
        columns = List.copyOf(columns);
        filters = Set.copyOf(filters);
    }

    /** The filters as query parameters, e.g. {@code [since, customerId]}. */
    public List<String> filterParameters() {
        return filters.stream().sorted().map(ExportFilters::parameter).toList();
    }
}
