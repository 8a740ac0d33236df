package org.sapere.assessment.quiz;

import java.util.List;
import java.util.Map;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.web.AnswerForm;

/** Reads a learner's response to an item from the answer form's fields saved for it. */
final class Answers {

    private Answers() {}

    static Response response(Item item, Map<String, List<String>> fields) {
        return AnswerForm.response(item, fields);
    }
}
