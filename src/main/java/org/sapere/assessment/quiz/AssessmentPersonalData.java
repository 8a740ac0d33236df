package org.sapere.assessment.quiz;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.sapere.identity.AccountErased;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A learner's quiz attempts (every answer as given, the points and the feedback staff wrote), overrides of their
 * results with the reasons, placements and passes; all removed when the account is erased.
 */
@Component
class AssessmentPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AssessmentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "assessment";
    }

    @Override
    public Set<String> tables() {
        return Set.of(
                "assessment.attempt",
                "assessment.grade_override",
                "assessment.grade_audit",
                "assessment.placement",
                "assessment.course_pass",
                "assessment.quiz_done");
    }

    @Override
    public Object export(UUID account, String email) {
        var data = new LinkedHashMap<String, Object>();
        data.put("attempts", jdbc.sql("""
                SELECT a.course_id, a.lesson_id, a.number, a.state, a.started_at, a.due_at, a.submitted_at, a.late,
                       a.score, a.max_score, a.percent, a.passed,
                       (SELECT json_agg(json_build_object('position', i.position, 'item', i.item_id,
                                'version', i.item_version, 'answer', i.answer, 'savedAt', i.saved_at,
                                'points', i.points, 'correctness', i.correctness, 'rubric', i.rubric,
                                'comment', i.comment) ORDER BY i.position)::text
                        FROM assessment.attempt_item i WHERE i.attempt_id = a.id) AS questions
                FROM assessment.attempt a WHERE a.learner_id = :id ORDER BY a.started_at""").param("id", account).query().listOfRows());
        data.put("overrides", jdbc.sql("""
                SELECT course_id, lesson_id, percent, reason, set_at FROM assessment.grade_override
                WHERE learner_id = :id ORDER BY set_at""").param("id", account).query().listOfRows());
        data.put("gradeChanges", jdbc.sql("""
                SELECT course_id, lesson_id, action, before, after, reason, at FROM assessment.grade_audit
                WHERE learner_id = :id ORDER BY at""").param("id", account).query().listOfRows());
        data.put("placements", jdbc.sql("""
                SELECT course_id, module_id, lesson_id, passed_at FROM assessment.placement WHERE learner_id = :id""").param("id", account).query().listOfRows());
        data.put("coursesPassed", jdbc.sql("""
                SELECT course_id, percent, passed_at FROM assessment.course_pass WHERE learner_id = :id""").param("id", account).query().listOfRows());
        data.put(
                "quizzesDone",
                jdbc.sql("SELECT lesson_id, done_at FROM assessment.quiz_done WHERE learner_id = :id")
                        .param("id", account)
                        .query()
                        .listOfRows());
        return data;
    }

    /** An erased account leaves nothing here: attempts (with their answers), results, overrides and their log. */
    @ApplicationModuleListener
    void on(AccountErased erased) {
        var id = erased.account().value();
        for (var table : tables()) {
            jdbc.sql("DELETE FROM " + table + " WHERE learner_id = :id")
                    .param("id", id)
                    .update();
        }
    }
}
