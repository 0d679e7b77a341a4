package dev.patron.host.web.console;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's texts from {@code i18n/console*.properties} (UTF-8), English by default and
 * Simplified Chinese for {@code zh}. In templates: {@code ${t("nav.customers")}} or with
 * arguments {@code ${t("customers.total", total)}}. A missing key shows as the key itself so a
 * gap is visible, never a crash.
 */
public final class Messages implements TemplateMethodModelEx {

    private final List<ResourceBundle> bundles;
    private final Locale locale;

    /** The host's console texts. */
    public Messages(Locale locale) {
        this(locale, List.of(bundle("i18n/console", locale, Messages.class.getClassLoader())));
    }

    private Messages(Locale locale, List<ResourceBundle> bundles) {
        this.locale = locale;
        this.bundles = bundles;
    }

    /** A plugin's texts ({@code i18n/<id>/messages*.properties} in its jar), falling back to the host's. */
    public static Messages forPlugin(String pluginId, ClassLoader pluginLoader, Locale locale) {
        List<ResourceBundle> chain = new java.util.ArrayList<>();
        try {
            chain.add(bundle("i18n/" + pluginId + "/messages", locale, pluginLoader));
        } catch (MissingResourceException e) {
            // the plugin ships no texts: the host's serve
        }
        chain.add(bundle("i18n/console", locale, Messages.class.getClassLoader()));
        return new Messages(locale, chain);
    }

    private static ResourceBundle bundle(String base, Locale locale, ClassLoader loader) {
        return ResourceBundle.getBundle(base, locale, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern = null;
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                pattern = bundle.getString(key);
                break;
            }
        }
        if (pattern == null) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("t(key, args...) needs a message key");
        }
        Object[] args = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            args[i - 1] = freemarker.template.utility.DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(i));
        }
        return get(String.valueOf(arguments.get(0)), args);
    }
}
