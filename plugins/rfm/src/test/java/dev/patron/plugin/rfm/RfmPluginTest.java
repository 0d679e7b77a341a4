package dev.patron.plugin.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmPluginTest {

    @Test
    void keepsTheContextItIsGiven() {
        TestContext context = TestContext.defaults();
        assertThat(new RfmPlugin(context).context()).isSameAs(context);
    }

    @Test
    void theScorerIsListedAsAnExtension() throws IOException {
        List<URL> indexes = Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"));
        StringBuilder all = new StringBuilder();
        for (URL index : indexes) {
            try (InputStream in = index.openStream()) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(all.toString()).contains(RfmScorer.class.getName());
    }
}
