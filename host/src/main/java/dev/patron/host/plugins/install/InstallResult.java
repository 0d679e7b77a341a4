package dev.patron.host.plugins.install;

import java.nio.file.Path;

/**
 * What {@link PluginInstaller#install} did.
 *
 * @param id              the plugin's id
 * @param version         the version now installed
 * @param previousVersion the version it replaced, or {@code null} for a first install
 * @param installedPath   the jar in the plugins folder, {@code <id>-<version>.jar}
 */
public record InstallResult(String id, String version, String previousVersion, Path installedPath) {

    /** Whether an older version of the same plugin was replaced. */
    public boolean upgraded() {
        return previousVersion != null;
    }
}
