package dev.patron.plugin.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.web.ConsolePage;
import dev.patron.api.web.PageRequest;
import dev.patron.api.web.PageView;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's loyalty panel and page, rendered with FreeMarker as the host renders plugin templates. */
class ConsoleTest {

    @TempDir
    Path dir;

    @Test
    void staffSeeTheBalanceTierStatementAndTheRedeemAndAdjustForms() throws Exception {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c+1").order("o-1", "c+1", "2026-06-01T10:00:00Z", 600_00);
            shop.redeem("c+1", 100, "k-1");

            String html = render(shop.web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "c+1", "staff")).orElseThrow(),
                    Locale.ENGLISH, "staff");

            assertThat(html).contains("<strong>500</strong>", "Silver", "Gold", "Redeemed", "Earned", "order o-1", "— alice");
            assertThat(html).contains("data-api=\"/api/v1/plugins/loyalty/accounts/c%2B1/redemptions\"",
                    "data-api=\"/api/v1/plugins/loyalty/accounts/c%2B1/adjustments\"", "data-type=\"number\"", "<output data-result>",
                    "name=\"idempotencyKey\"");
        }
    }

    @Test
    void viewersSeeNoForms() throws Exception {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1");
            String html = render(shop.web.customerPanel(new PageRequest(Map.of(), Locale.ENGLISH, "c-1", "viewer")).orElseThrow(),
                    Locale.ENGLISH, "viewer");
            assertThat(html).contains("No points yet.").doesNotContain("<form");
        }
    }

    @Test
    void thePanelSpeaksChinese() throws Exception {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2025-07-10T10:00:00Z", 100_00);
            String html = render(shop.web.customerPanel(new PageRequest(Map.of(), Locale.SIMPLIFIED_CHINESE, "c-1", "admin"))
                    .orElseThrow(), Locale.SIMPLIFIED_CHINESE, "admin");
            assertThat(html).contains("会员积分", "兑换积分", "2026-07-10 过期 100 积分");
        }
    }

    @Test
    void theExpiringPageListsCustomersAndLinksToThem() throws Exception {
        try (Shop shop = Shop.open(dir)) {
            shop.customer("c-1").order("o-1", "c-1", "2025-07-10T10:00:00Z", 100_00);
            ConsolePage page = shop.web.pages().get(0);
            assertThat(page.path()).isEqualTo("/expiring");
            assertThat(page.navLabelKey()).isEqualTo("loyalty.nav");

            String html = render(page.renderer().render(new PageRequest(Map.of("days", List.of("20")), Locale.ENGLISH, null, "viewer")),
                    Locale.ENGLISH, "viewer");
            assertThat(html).contains("href=\"/console/customers/c-1\"", "2026-07-10", "1 customers have 100 points expiring within 20 days");

            String invalid = render(page.renderer().render(new PageRequest(Map.of("days", List.of("x")), Locale.ENGLISH, null, "viewer")),
                    Locale.ENGLISH, "viewer");
            assertThat(invalid).contains("&#39;x&#39; is not a number of days");
        }
    }

    @Test
    void everyMessageTheTemplatesUseExistsInBothLanguages() throws IOException {
        Properties english = properties("i18n/loyalty/messages.properties");
        Properties chinese = properties("i18n/loyalty/messages_zh_CN.properties");
        TreeSet<String> used = new TreeSet<>();
        for (String template : List.of("panel.ftlh", "expiring.ftlh")) {
            Matcher m = Pattern.compile("t\\(\"([a-zA-Z.]+)\"").matcher(resource("templates/loyalty/" + template));
            while (m.find()) {
                if (!m.group(1).endsWith(".")) {
                    used.add(m.group(1));
                }
            }
        }
        for (EntryKind kind : EntryKind.values()) {
            used.add("loyalty.kind." + kind.code());
        }
        used.add("loyalty.basis.spend");
        used.add("loyalty.basis.points");
        used.add("loyalty.expiring.title");
        assertThat(english.stringPropertyNames()).containsAll(used);
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    private static String render(PageView view, Locale locale, String role) throws Exception {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(ConsoleTest.class.getClassLoader(), "/templates/loyalty"));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setNumberFormat("computer");
        Properties messages = properties(locale.getLanguage().equals("zh") ? "i18n/loyalty/messages_zh_CN.properties"
                : "i18n/loyalty/messages.properties");
        Map<String, Object> model = new HashMap<>(view.model());
        model.put("t", (TemplateMethodModelEx) arguments -> {
            Object[] args = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                args[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(i));
            }
            String pattern = messages.getProperty(String.valueOf(arguments.get(0)));
            assertThat(pattern).as("message %s", arguments.get(0)).isNotNull();
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        });
        model.put("lang", locale.getLanguage());
        model.put("role", role);
        model.put("csrf", "token");
        StringWriter out = new StringWriter();
        configuration.getTemplate(view.template()).process(model, out);
        return out.toString();
    }

    private static Properties properties(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConsoleTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConsoleTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
