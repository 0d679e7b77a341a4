package dev.patron.api.web;

import java.util.Map;

/**
 * What a console page or panel shows: one of the plugin's FreeMarker templates (from its jar,
 * under {@code templates/<plugin id>/}) and the values it reads. Templates end in {@code .ftlh}:
 * every value is HTML-escaped. Pass maps, lists, strings, numbers, booleans and records.
 *
 * @param template file name below the plugin's template folder, e.g. {@code account.ftlh}
 */
public record PageView(String template, Map<String, Object> model) {

    public PageView {
        model = Map.copyOf(model);
    }
}
