package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.plugin.clv.support.FixedContext;
import dev.patron.testkit.PluginTestbed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClvPluginTest {

    @Test
    void keepsTheContextItIsGiven() {
        FixedContext context = FixedContext.defaults();
        assertThat(new ClvPlugin(context).context()).isSameAs(context);
    }

    @Test
    void everyExtensionIsIndexedAndConstructible() throws IOException {
        List<URL> indexes = Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"));
        StringBuilder all = new StringBuilder();
        for (URL index : indexes) {
            try (InputStream in = index.openStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(all.toString()).contains(ClvScorer.class.getName(), ClvSettingsSchema.class.getName(),
                ClvWeb.class.getName());
        try (PluginTestbed bed = PluginTestbed.forPlugin("clv").start()) {
            assertThat(bed.plugin(ClvPlugin.class).context()).isSameAs(bed.context());
            assertThat(bed.extension(ClvScorer.class)).isNotNull();
            assertThat(bed.extension(ClvSettingsSchema.class).fields()).hasSize(8);
            assertThat(bed.extension(ClvWeb.class).routes()).hasSize(1);
        }
    }
}
