package org.sapere.video.domain;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the person watched of each video lesson: where they left off and which stretches they played. */
@Component
class VideoPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    VideoPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "video";
    }

    @Override
    public Set<String> tables() {
        return Set.of("video.viewing");
    }

    @Override
    public Object export(UUID account, String email) {
        var data = new LinkedHashMap<String, Object>();
        data.put("viewings", jdbc.sql("""
                SELECT course_id, lesson_id, position AS position_seconds, watched::text AS watched_seconds_ranges,
                       watched_seconds, completed_at, updated_at
                FROM video.viewing WHERE account_id = :id ORDER BY updated_at""").param("id", account).query().listOfRows());
        return data;
    }
}
