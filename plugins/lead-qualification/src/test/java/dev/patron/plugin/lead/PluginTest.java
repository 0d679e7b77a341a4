package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.testkit.PluginTestbed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginTest {

    @TempDir
    Path dir;

    @Test
    void everyExtensionIsIndexedAndTheMigrationsUseThePrefix() {
        try (PluginTestbed bed = PluginTestbed.forPlugin(LeadQualificationPlugin.ID).start(dir)) {
            assertThat(bed.plugin(LeadQualificationPlugin.class).context()).isSameAs(bed.context());
            bed.extension(LeadScorer.class);
            bed.extension(LeadSettingsSchema.class);
            bed.extension(ConversionHandler.class);
            bed.extension(LeadWeb.class);
            assertThat(bed.migrate()).isEqualTo(1);
            assertThat(bed.migrate()).isZero();
            assertThat(bed.query("SELECT COUNT(*) AS n FROM lead_qualification_followups", r -> r.whole("n"))).containsExactly(0L);
        }
    }

    @Test
    void bothLanguagesDefineTheSameMessages() throws IOException {
        Properties en = load("i18n/lead-qualification/messages.properties");
        Properties zh = load("i18n/lead-qualification/messages_zh_CN.properties");
        assertThat(en.stringPropertyNames()).isNotEmpty().isEqualTo(zh.stringPropertyNames());
        Set<String> keys = en.stringPropertyNames();
        for (LeadClass c : LeadClass.values()) {
            assertThat(keys).contains("lead.class." + c.code(), "lead.action." + c.code());
        }
        for (FollowUpStatus s : FollowUpStatus.values()) {
            assertThat(keys).contains("lead.status." + s.code());
        }
        for (Criterion c : Criterion.values()) {
            assertThat(keys).contains("lead.criterion." + c.scoreName());
        }
        for (Mode m : Mode.values()) {
            assertThat(keys).contains("lead.intro." + m.code());
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PluginTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
