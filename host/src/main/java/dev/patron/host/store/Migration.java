package dev.patron.host.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration file, {@code db/<owner>/V<version>__<description>.sql} (or
 * {@code db/<owner>/<dialect>/V...} for one dialect).
 *
 * @param owner {@code host} or a plugin id
 * @param name the file's path under {@code db/<owner>/}, e.g. {@code V001__initial.sql} or
 *     {@code postgresql/V001__initial.sql}
 */
public record Migration(String owner, int version, String name, String sql) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** Parses a file name; returns null when it is not a migration file. */
    static Migration of(String owner, String fileName, String sql) {
        return of(owner, "", fileName, sql);
    }

    /** Parses a file name in {@code subfolder} ("" or {@code <dialect>/}); returns null when it is not a migration file. */
    static Migration of(String owner, String subfolder, String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return new Migration(owner, Integer.parseInt(m.group(1)), subfolder + fileName, sql);
    }

    /** SHA-256 of the file, to detect a migration edited after it was applied. */
    public String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file's statements: split at semicolons that end a line, before any {@code --} comment
     * ({@code CREATE TABLE t (...); -- note} ends a statement). Migration files keep to that form
     * (no semicolon at a line end inside a string literal or trigger body).
     */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            String code = withoutComment(line);
            String trimmed = code.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                // The JDBC driver runs only the first statement of a string: never join two.
                current.append(code, 0, code.lastIndexOf(';'));
                statements.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    /** The line up to a {@code --} comment that is not inside a quoted literal or identifier. */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
