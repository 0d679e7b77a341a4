/**
 * Testing Patron plugins against a real, temporary store. Start with
 * {@link dev.patron.testkit.PluginTestbed#forPlugin(String)}: the testbed gives the plugin a
 * {@link dev.patron.api.PluginContext} with a clock the test moves, applies the plugin's
 * migrations with the host's migrator, writes customers, orders and refunds with the host's rules,
 * scores through the host's summary reader, and delivers events inside one transaction under
 * savepoints, as the host does.
 *
 * <p>Add {@code dev.patron:patron-plugin-testkit} in {@code test} scope; it brings JUnit Jupiter.
 */
package dev.patron.testkit;
