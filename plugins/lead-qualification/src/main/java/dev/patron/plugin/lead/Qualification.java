package dev.patron.plugin.lead;

import dev.patron.api.scoring.Score;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One lead's result: the verdict per criterion, the combination of met criteria, the class and
 * the follow-up priority, each with its explanation.
 *
 * @param mask the met criteria as bits ({@link Criterion#bit()})
 * @param convertedOn the shop-zone day of the first order, or null for a lead who has not bought
 */
record Qualification(Mode mode, List<Verdict> verdicts, int mask, LeadClass leadClass, int priority,
                     LocalDate convertedOn, String classExplanation, String combinationExplanation,
                     String priorityExplanation) {

    static final String CLASS = "class";
    static final String COMBINATION = "combination";
    static final String PRIORITY = "priority";

    Qualification {
        verdicts = List.copyOf(verdicts);
    }

    /** The combination's label, e.g. {@code M+A} or {@code none}. */
    String combination() {
        return mode.label(mask);
    }

    /** The scores published for this lead: class, combination, priority, then one per criterion. */
    List<Score> scores() {
        List<Score> scores = new ArrayList<>(3 + verdicts.size());
        scores.add(Score.labelled(CLASS, leadClass.code(), classExplanation));
        scores.add(Score.labelled(COMBINATION, combination(), combinationExplanation));
        scores.add(Score.numeric(PRIORITY, priority, priorityExplanation));
        for (Verdict verdict : verdicts) {
            scores.add(new Score(verdict.criterion().scoreName(), verdict.met() ? 1.0 : 0.0, verdict.mark(),
                    verdict.explanation()));
        }
        return scores;
    }
}
