package dev.patron.plugin.loyalty;

import dev.patron.testkit.PluginTestbed;
import java.nio.file.Path;
import java.util.Map;

/** Testbeds for shops other than the default (USD, UTC). */
final class PluginTestbedFactory {

    private PluginTestbedFactory() {
    }

    static PluginTestbed yen(Path dir) {
        return PluginTestbed.forPlugin("loyalty").currency("JPY").now("2026-06-30T12:00:00Z").start(dir);
    }

    static PluginTestbed shanghai(Path dir, Map<String, String> settings) {
        return PluginTestbed.forPlugin("loyalty").zone("Asia/Shanghai").currency("CNY").settings(settings)
                .now("2026-06-30T12:00:00Z").start(dir);
    }
}
