package org.sapere.assessment.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the item analysis page shows (read by the template). */
public final class AnalysisView {

    private AnalysisView() {}

    /**
     * One question's figures, already written for the reader.
     *
     * @param title null when the bank no longer has the item
     * @param fewAnswers too few answers for the figures to mean much
     * @param flagged probably broken: learners who do well on the rest do worse on this one
     */
    public record Item(
            int number,
            @Nullable String title,
            int answers,
            String facility,
            String discrimination,
            boolean fewAnswers,
            boolean flagged,
            List<Choice> choices) {}

    /**
     * How often one option was chosen.
     *
     * @param text the option's text, or null for true/false (the template names them)
     */
    public record Choice(String id, @Nullable String text, int count, String share, boolean correct) {}
}
