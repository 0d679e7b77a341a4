package dev.patron.host.plugins.install;

import java.util.List;

/**
 * The PF4J descriptor read from a plugin jar's manifest ({@code Plugin-*} entries, as written by
 * {@code plugins/pom.xml}).
 *
 * <p>When returned by {@link PluginJarInspector#inspect} every field the host requires
 * ({@code id}, {@code version}, {@code pluginClass}, {@code requires}) is present and valid. When
 * returned by {@link PluginJarInspector#describe} or inside a rejected {@link PluginJarInspector.Inspection}
 * any field may be {@code null}: it is whatever the manifest said.
 *
 * @param id           {@code Plugin-Id}, e.g. {@code basket-size}
 * @param version      {@code Plugin-Version}, a semantic version such as {@code 1.2.0}
 * @param provider     {@code Plugin-Provider}, or {@code null}
 * @param pluginClass  {@code Plugin-Class}, the fully qualified name of the plugin's entry class
 * @param requires     {@code Plugin-Requires}, the range of plugin API versions it accepts, e.g. {@code >=1.0.0 & <2.0.0}
 * @param dependencies {@code Plugin-Dependencies} split on commas, e.g. {@code [rfm@>=1.0.0, other?]}; never {@code null}
 * @param description  {@code Plugin-Description}, or {@code null}
 */
public record PluginJarReport(String id, String version, String provider, String pluginClass, String requires,
                              List<String> dependencies, String description) {

    public PluginJarReport {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }
}
