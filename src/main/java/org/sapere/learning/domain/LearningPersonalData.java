package org.sapere.learning.domain;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.sapere.identity.AccountErased;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The person's progress in each lesson, the courses they completed, their goal and reminder choices, their notes
 * and bookmarks.
 */
@Component
class LearningPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    LearningPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "learning";
    }

    @Override
    public Set<String> tables() {
        return Set.of(
                "learning.lesson_progress",
                "learning.course_completion",
                "learning.learner_settings",
                "learning.note",
                "learning.bookmark");
    }

    @Override
    public Object export(UUID account, String email) {
        var data = new LinkedHashMap<String, Object>();
        data.put("lessons", jdbc.sql("""
                SELECT course_id, lesson_id, state, started_at, completed_at, updated_at FROM learning.lesson_progress
                WHERE account_id = :id ORDER BY updated_at""").param("id", account).query().listOfRows());
        data.put("completedCourses", jdbc.sql("""
                SELECT course_id, course_version, completed_at FROM learning.course_completion
                WHERE account_id = :id ORDER BY completed_at""").param("id", account).query().listOfRows());
        // The unsubscribe token is left out: a random secret for a link, not something about the person.
        data.put("settings", jdbc.sql("""
                SELECT goal_kind, goal_target, streaks, weekly_reminder, last_reminder_week, updated_at
                FROM learning.learner_settings WHERE account_id = :id""").param("id", account).query().listOfRows());
        data.put("notes", jdbc.sql("""
                SELECT id, course_id, lesson_id, video_second, body, created_at, updated_at FROM learning.note
                WHERE account_id = :id ORDER BY created_at""").param("id", account).query().listOfRows());
        data.put("bookmarks", jdbc.sql("""
                SELECT course_id, lesson_id, created_at FROM learning.bookmark
                WHERE account_id = :id ORDER BY created_at""").param("id", account).query().listOfRows());
        return data;
    }

    /**
     * An erased account loses its notes and bookmarks: they are the person's own words and choices, worth nothing
     * to anyone else. Progress and completions stay, attached to the emptied account, for the course statistics.
     */
    @ApplicationModuleListener
    void on(AccountErased erased) {
        for (var table : java.util.List.of("learning.note", "learning.bookmark")) {
            jdbc.sql("DELETE FROM " + table + " WHERE account_id = :id")
                    .param("id", erased.account().value())
                    .update();
        }
    }
}
