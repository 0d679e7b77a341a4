package dev.patron.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A runnable example of a Markdown document: a fenced {@code bash} (or {@code sh}) block that
 * calls {@code curl}, and the {@code http} block right after it, if any, which shows the answer
 * to its last request: a status line, headers, a blank line and the body.
 *
 * @param line the block's first line in the document (1-based)
 * @param heading the section it is in
 */
record DocExample(int line, String heading, String script, Optional<Response> response) {

    /** What the document says the last request answers. */
    record Response(int line, int status, Map<String, String> headers, String body) {
    }

    /** The document's examples in document order. */
    static List<DocExample> read(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        List<DocExample> examples = new ArrayList<>();
        String heading = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            }
            String language = fenceLanguage(line);
            if (language == null) {
                continue;
            }
            int end = closingFence(lines, i, markdown);
            String body = String.join("\n", lines.subList(i + 1, end));
            if ((language.equals("bash") || language.equals("sh")) && body.contains("curl ")) {
                examples.add(new DocExample(i + 1, heading, body, responseAfter(lines, end + 1, markdown)));
            }
            i = end;
        }
        return examples;
    }

    /** The language of an opening fence, "" for none; null when the line opens no block. */
    private static String fenceLanguage(String line) {
        if (!line.startsWith("```")) {
            return null;
        }
        String info = line.substring(3).trim();
        return info.isEmpty() ? "" : info.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static int closingFence(List<String> lines, int open, Path markdown) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).trim().equals("```")) {
                return j;
            }
        }
        throw new AssertionError(markdown + " line " + (open + 1) + ": the code block is never closed");
    }

    /** The {@code http} block that follows after blank lines only, if there is one. */
    private static Optional<Response> responseAfter(List<String> lines, int from, Path markdown) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i >= lines.size() || !"http".equals(fenceLanguage(lines.get(i)))) {
            return Optional.empty();
        }
        int end = closingFence(lines, i, markdown);
        List<String> block = lines.subList(i + 1, end);
        String[] statusLine = block.isEmpty() ? new String[0] : block.get(0).trim().split("\\s+");
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/") || !statusLine[1].matches("\\d{3}")) {
            throw new AssertionError(markdown + " line " + (i + 2) + ": an http block starts with a status line such as"
                    + " 'HTTP/1.1 200 OK', not '" + (block.isEmpty() ? "" : block.get(0)) + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int k = 1;
        for (; k < block.size() && !block.get(k).isBlank(); k++) {
            String header = block.get(k);
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new AssertionError(markdown + " line " + (i + 2 + k) + ": '" + header + "' is not a header (Name: value);"
                        + " leave a blank line before the body");
            }
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        String body = k < block.size() ? String.join("\n", block.subList(k + 1, block.size())) : "";
        return Optional.of(new Response(i + 1, Integer.parseInt(statusLine[1]), headers, body));
    }

    /** How the example is named in test reports. */
    String title() {
        return "line " + line + " (" + heading + ")";
    }
}
