package dev.patron.api.web;

/**
 * A page of the staff console at {@code /console/plugins/<plugin id><path>}.
 *
 * @param path below the plugin's prefix, e.g. {@code /} or {@code /expiring}
 * @param navLabelKey message key of its entry in the console's navigation; null for no entry
 * @param titleKey message key of the page title
 */
public record ConsolePage(String path, String navLabelKey, String titleKey, PageRenderer renderer) {

    /** Builds a page's view. Runs on a worker thread; may read the store. */
    @FunctionalInterface
    public interface PageRenderer {
        PageView render(PageRequest request);
    }
}
