package dev.patron.plugin.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every message key the templates and the code use exists in English and in Simplified Chinese. */
class MessagesTest {

    @Test
    void bothLanguagesHaveEveryKey() throws IOException {
        Properties english = load("/i18n/clv/messages.properties");
        Properties chinese = load("/i18n/clv/messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        for (String template : new String[] {"/templates/clv/model.ftlh", "/templates/clv/panel.ftlh"}) {
            Matcher m = Pattern.compile("t\\(\"([a-zA-Z.]+)\"").matcher(read(template));
            while (m.find()) {
                used.add(m.group(1));
            }
            Matcher keys = Pattern.compile("\"(clv\\.[a-zA-Z.]+)\"").matcher(read(template));
            while (keys.find()) {
                used.add(keys.group(1));
            }
        }
        for (String prefix : new String[] {"clv.method.", "clv.unit."}) {
            used.removeIf(k -> k.equals(prefix));
        }
        used.addAll(Set.of("clv.nav", "clv.title", "clv.method.probabilistic", "clv.method.margin", "clv.unit.days",
                "clv.unit.weeks", "clv.score.clv", "clv.score.pAlive", "clv.score.expectedPurchases",
                "clv.score.expectedOrderValue"));
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
