package org.sapere.catalog.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.sapere.catalog.CatalogEntry;
import org.sapere.catalog.CatalogQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's own table of published courses, searchable by full text and filters. */
@Repository
public class Listings {

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(CatalogEntry e, int version, String searchText) {
        jdbc.sql("""
                INSERT INTO catalog.course_listing (course_id, slug, version, title, summary, university_slug, university,
                    subjects, level, language, minutes, lessons, professors, search_text, listed_at)
                VALUES (:id, :slug, :version, :title, :summary, :uslug, :university, :subjects, :level, :language,
                    :minutes, :lessons, :professors, :search, now())
                ON CONFLICT (course_id) DO UPDATE SET slug = EXCLUDED.slug, version = EXCLUDED.version,
                    title = EXCLUDED.title, summary = EXCLUDED.summary, university_slug = EXCLUDED.university_slug,
                    university = EXCLUDED.university, subjects = EXCLUDED.subjects, level = EXCLUDED.level,
                    language = EXCLUDED.language, minutes = EXCLUDED.minutes, lessons = EXCLUDED.lessons,
                    professors = EXCLUDED.professors, search_text = EXCLUDED.search_text
                WHERE catalog.course_listing.version <= EXCLUDED.version""")
                .param("id", e.courseId())
                .param("slug", e.slug())
                .param("version", version)
                .param("title", e.title())
                .param("summary", e.summary())
                .param("uslug", e.universitySlug())
                .param("university", e.university())
                .param("subjects", e.subjects().toArray(String[]::new))
                .param("level", e.level())
                .param("language", e.language())
                .param("minutes", e.minutes())
                .param("lessons", e.lessons())
                .param("professors", e.professors().toArray(String[]::new))
                .param("search", searchText)
                .update();
    }

    public List<CatalogEntry> search(CatalogQuery q) {
        var where = new ArrayList<String>();
        var params = new java.util.HashMap<String, Object>();
        var order = "listed_at, title";
        if (q.text() != null && !q.text().isBlank()) {
            where.add("(search @@ plainto_tsquery('simple', :text) OR search_text ILIKE :like)");
            params.put("text", q.text());
            params.put(
                    "like",
                    "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            order = "ts_rank(search, plainto_tsquery('simple', :text)) DESC, title";
        }
        if (q.subject() != null && !q.subject().isBlank()) {
            where.add(":subject = ANY(subjects)");
            params.put("subject", q.subject());
        }
        if (q.university() != null && !q.university().isBlank()) {
            where.add("university_slug = :university");
            params.put("university", q.university());
        }
        if (q.language() != null && !q.language().isBlank()) {
            where.add("language = :language");
            params.put("language", q.language());
        }
        var sql = jdbc.sql("""
                SELECT course_id, slug, title, summary, university_slug, university, subjects, level, language,
                       minutes, lessons, professors
                FROM catalog.course_listing %s ORDER BY %s LIMIT 200""".formatted(where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where), order));
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        return sql.query((rs, n) -> new CatalogEntry(
                        rs.getObject("course_id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("summary"),
                        rs.getString("university_slug"),
                        rs.getString("university"),
                        Arrays.asList((String[]) rs.getArray("subjects").getArray()),
                        rs.getString("level"),
                        rs.getString("language"),
                        rs.getInt("minutes"),
                        rs.getInt("lessons"),
                        Arrays.asList((String[]) rs.getArray("professors").getArray())))
                .list();
    }
}
