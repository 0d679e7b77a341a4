package dev.patron.host.plugins;

import dev.patron.api.settings.SettingField;
import dev.patron.api.settings.SettingsSchema;
import dev.patron.host.shop.FieldError;
import dev.patron.host.shop.InvalidInputException;
import dev.patron.host.shop.NotFoundException;
import dev.patron.host.store.Sql;
import dev.patron.host.store.Store;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and changes a plugin's settings: validated against its {@link SettingsSchema} (each field,
 * then the plugin's own cross-field rules), stored whole in one transaction, then the plugin is
 * told. Invalid input changes nothing.
 */
public final class PluginSettingsService {

    private static final Sql SQL = Sql.load("sql/plugin_data.sql");
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final Store store;
    private final PluginHost plugins;
    private final StoredPluginSettings settings;
    private final PluginCalls calls;
    private final SettingsValidator validator;
    private final Clock clock;

    public PluginSettingsService(Store store, PluginHost plugins, StoredPluginSettings settings, PluginCalls calls,
                                 SettingsValidator validator, Clock clock) {
        this.store = store;
        this.plugins = plugins;
        this.settings = settings;
        this.calls = calls;
        this.validator = validator;
        this.clock = clock;
    }

    /** A plugin's settings form: its fields and the values in force. */
    public record View(String pluginId, List<SettingField> fields, Map<String, String> values) {
    }

    public View view(String pluginId) {
        PluginExtension<SettingsSchema> schema = schemaOf(pluginId);
        List<SettingField> fields = fields(schema);
        SettingsValidator.Result current = validator.validate(fields, Map.of(), settings.settingsOf(pluginId).asMap());
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (SettingField field : fields) {
            values.put(field.key(), current.values().getOrDefault(field.key(),
                    settings.settingsOf(pluginId).get(field.key()).orElse(field.defaultValue())));
        }
        return new View(pluginId, fields, values);
    }

    /**
     * Validates and stores {@code submitted} (keys not sent keep their value).
     *
     * @throws InvalidInputException listing every invalid setting; nothing is stored
     */
    public View update(String pluginId, Map<String, String> submitted, String actor) {
        PluginExtension<SettingsSchema> schema = schemaOf(pluginId);
        List<SettingField> fields = fields(schema);
        SettingsValidator.Result result = validator.validate(fields, submitted, settings.settingsOf(pluginId).asMap());
        if (!result.valid()) {
            throw new InvalidInputException(result.errors());
        }
        List<String> problems = calls.call(pluginId, "settings validation", schema.classLoader(), LIMIT,
                () -> schema.extension().validate(result.values()));
        if (!problems.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            problems.forEach(p -> errors.add(new FieldError("settings", p)));
            throw new InvalidInputException(errors);
        }
        long now = clock.millis();
        store.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(SQL.get("deleteSettings"))) {
                delete.setString(1, pluginId);
                delete.executeUpdate();
            }
            try (PreparedStatement upsert = c.prepareStatement(SQL.get("upsertSetting"))) {
                for (Map.Entry<String, String> e : result.values().entrySet()) {
                    upsert.setString(1, pluginId);
                    upsert.setString(2, e.getKey());
                    upsert.setString(3, e.getValue());
                    upsert.setLong(4, now);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
        org.slf4j.LoggerFactory.getLogger(PluginSettingsService.class).info("settings of plugin {} changed by {}", pluginId, actor);
        followStoredChanges();
        return view(pluginId);
    }

    /**
     * Re-reads the stored settings and tells each running plugin whose settings changed, here or
     * on another instance sharing the database. The server calls it every few seconds.
     */
    public void followStoredChanges() {
        for (String pluginId : settings.reload()) {
            Optional<PluginExtension<SettingsSchema>> schema = plugins.extensions(SettingsSchema.class).stream()
                    .filter(s -> s.pluginId().equals(pluginId)).findFirst();
            if (schema.isEmpty()) {
                continue;
            }
            plugins.context(pluginId).ifPresent(context -> calls.call(pluginId, "settings change", schema.get().classLoader(), LIMIT,
                    () -> {
                        schema.get().extension().changed(context.settings());
                        return null;
                    }));
        }
    }

    private PluginExtension<SettingsSchema> schemaOf(String pluginId) {
        if (plugins.info(pluginId).isEmpty()) {
            throw new NotFoundException("no plugin " + pluginId + " is installed");
        }
        Optional<PluginExtension<SettingsSchema>> schema = plugins.extensions(SettingsSchema.class).stream()
                .filter(s -> s.pluginId().equals(pluginId)).findFirst();
        return schema.orElseThrow(() -> new NotFoundException("plugin " + pluginId + " has no settings"
                + (plugins.isStarted(pluginId) ? "" : " while it is not running; enable it first")));
    }

    private List<SettingField> fields(PluginExtension<SettingsSchema> schema) {
        return calls.call(schema.pluginId(), "settings schema", schema.classLoader(), LIMIT, () -> schema.extension().fields());
    }
}
