package org.sapere.catalog.domain;

import java.util.List;
import java.util.UUID;
import org.sapere.catalog.CatalogEntry;
import org.sapere.catalog.ListedCourse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue's own table of published courses (the read model search runs on). */
@Repository
public class Listings {

    /** The layout of the searchable texts that {@link #upsert} writes; older rows are re-indexed at start-up. */
    static final int FORMAT = 2;

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Searchable texts by weight: A = title and subjects, B = summary and outcomes, C = the rest. */
    public record SearchText(String a, String b, String c) {}

    @Transactional
    public void upsert(CatalogEntry e, int version, SearchText text, List<UUID> professorIds) {
        jdbc.sql("""
                INSERT INTO catalog.course_listing (course_id, slug, version, title, summary, university_slug, university,
                    subjects, level, language, minutes, lessons, professors, professor_ids, enrolments, search, format,
                    listed_at)
                VALUES (:id, :slug, :version, :title, :summary, :uslug, :university, :subjects, :level, :language,
                    :minutes, :lessons, :professors, :professorIds, :enrolments,
                    catalog.search_vector(:language, :a, :b, :c), :format,
                    :listedAt)
                ON CONFLICT (course_id) DO UPDATE SET slug = EXCLUDED.slug, version = EXCLUDED.version,
                    title = EXCLUDED.title, summary = EXCLUDED.summary, university_slug = EXCLUDED.university_slug,
                    university = EXCLUDED.university, subjects = EXCLUDED.subjects, level = EXCLUDED.level,
                    language = EXCLUDED.language, minutes = EXCLUDED.minutes, lessons = EXCLUDED.lessons,
                    professors = EXCLUDED.professors, professor_ids = EXCLUDED.professor_ids,
                    enrolments = EXCLUDED.enrolments, search = EXCLUDED.search, format = EXCLUDED.format, updated_at = now()
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
                .param("professorIds", professorIds.toArray(UUID[]::new))
                .param("enrolments", e.enrolments())
                .param("a", text.a())
                .param("b", text.b())
                .param("c", text.c())
                .param("format", FORMAT)
                .param("listedAt", java.sql.Timestamp.from(e.listedAt()))
                .update();
        // Every word of the listing becomes a candidate for correcting misspelt searches; words are never removed
        // (a stale one only offers an alternative that finds nothing). In order, so that two courses listed at once
        // cannot deadlock on each other's new words.
        jdbc.sql("""
                INSERT INTO catalog.search_word (word)
                SELECT DISTINCT lexeme FROM unnest(to_tsvector('simple', :a || ' ' || :b || ' ' || :c))
                WHERE char_length(lexeme) BETWEEN 4 AND :max AND lexeme !~ '[[:digit:][:space:][:punct:]]'
                ORDER BY 1
                ON CONFLICT (word) DO NOTHING""")
                .param("a", text.a())
                .param("b", text.b())
                .param("c", text.c())
                .param("max", SearchTerms.MAX_WORD_LENGTH)
                .update();
    }

    public void enrolments(UUID course, int count) {
        jdbc.sql("UPDATE catalog.course_listing SET enrolments = :count WHERE course_id = :id")
                .param("count", count)
                .param("id", course)
                .update();
    }

    /** Courses whose searchable texts were written in an older layout. */
    public List<UUID> stale() {
        return jdbc.sql("SELECT course_id FROM catalog.course_listing WHERE format < :format")
                .param("format", FORMAT)
                .query(UUID.class)
                .list();
    }

    public List<ListedCourse> addresses() {
        return jdbc.sql("SELECT slug, university_slug, updated_at FROM catalog.course_listing ORDER BY listed_at")
                .query((rs, n) -> new ListedCourse(
                        rs.getString("slug"),
                        rs.getString("university_slug"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** The professors of a university's listed courses. */
    public List<UUID> professors(String universitySlug) {
        return jdbc.sql("""
                SELECT DISTINCT p FROM catalog.course_listing, unnest(professor_ids) p
                WHERE university_slug = :slug""").param("slug", universitySlug).query(UUID.class).list();
    }
}
