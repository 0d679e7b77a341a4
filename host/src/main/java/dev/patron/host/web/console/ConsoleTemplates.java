package dev.patron.host.web.console;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the console's FreeMarker templates. We own the {@link Configuration} rather than use
 * Vert.x's template engine: its cache is one Vert.x-wide map keyed by template name (a plugin's
 * template could be served for another's) and it writes with the platform charset. Templates
 * end in {@code .ftlh}, so HTML auto-escaping is on for every value.
 */
public final class ConsoleTemplates {

    private final Configuration configuration;

    /** The host's own templates. */
    public ConsoleTemplates() {
        this(ConsoleTemplates.class.getClassLoader(), "/templates/host");
    }

    /**
     * Templates under {@code basePackagePath} of {@code loader}: a plugin's come from its own class
     * loader under {@code /templates/<plugin id>}, so no plugin can be served another's template.
     */
    public ConsoleTemplates(ClassLoader loader, String basePackagePath) {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(loader, basePackagePath));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer");
        configuration.setLocale(Locale.ROOT);
    }

    /** Renders {@code name} (e.g. {@code dashboard.ftlh}) with {@code model} to a string. */
    public String render(String name, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render console template " + name + ": " + e.getMessage(), e);
        }
    }
}
