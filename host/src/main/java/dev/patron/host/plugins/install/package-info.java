/**
 * Installing a plugin jar into the plugins folder: {@link dev.patron.host.plugins.install.PluginJarInspector}
 * checks a candidate jar without loading any of its classes, and
 * {@link dev.patron.host.plugins.install.PluginInstaller} copies an accepted jar into place atomically.
 *
 * <p>The checks exist because PF4J only discovers a broken or unsafe plugin when {@code patron serve}
 * starts, far from the person who dropped the jar in; here every problem is found up front and named
 * together with its fix, and a refused jar never touches the plugins folder.
 */
package dev.patron.host.plugins.install;
