package dev.patron.plugin.lead;

/**
 * One qualification criterion. The letter is the same in both modes (Budget is the Money
 * criterion in BANT mode, letter {@code M}), so a combination such as {@code M+A} means the same
 * whichever mode produced it.
 */
enum Criterion {
    MONEY("money", "Money", 'M', 1),
    AUTHORITY("authority", "Authority", 'A', 2),
    NEED("need", "Need", 'N', 4),
    TIMELINE("timeline", "Timeline", 'T', 8);

    private final String scoreName;
    private final String title;
    private final char letter;
    private final int bit;

    Criterion(String scoreName, String title, char letter, int bit) {
        this.scoreName = scoreName;
        this.title = title;
        this.letter = letter;
        this.bit = bit;
    }

    /** The name of the criterion's score, e.g. {@code money}. */
    String scoreName() {
        return scoreName;
    }

    /** The English name explanations start with, e.g. {@code Money}. */
    String title() {
        return title;
    }

    char letter() {
        return letter;
    }

    /** The criterion's bit in a combination mask. */
    int bit() {
        return bit;
    }

    /** The criterion whose score is called {@code name}, or null. */
    static Criterion byScoreName(String name) {
        for (Criterion criterion : values()) {
            if (criterion.scoreName.equals(name)) {
                return criterion;
            }
        }
        return null;
    }
}
