package dev.patron.host.plugins.install;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin jar was refused. It carries every problem found, not just the first, so the plugin's
 * author can fix them all in one round; each problem says what is wrong and how to fix it.
 *
 * <p>Checked on purpose: a caller that installs plugins must decide how to show the problems.
 */
public final class PluginRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path jar;
    private final List<String> problems;

    /**
     * @param jar      the candidate jar as the caller named it
     * @param problems one or more self-contained sentences
     */
    public PluginRejectedException(Path jar, List<String> problems) {
        super(message(jar, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one problem");
        }
        this.jar = jar;
        this.problems = List.copyOf(problems);
    }

    /** The candidate jar as the caller named it. */
    public Path jar() {
        return jar;
    }

    /** Every problem found, in the order found; never empty. */
    public List<String> problems() {
        return problems;
    }

    private static String message(Path jar, List<String> problems) {
        StringBuilder message = new StringBuilder("cannot install ").append(jar).append(':');
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return message.toString();
    }
}
