package org.sapere.course.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Drafts and published versions of courses as documents (see {@link CourseDocuments}). */
@Repository
public class Drafts {

    /** A draft as stored: the course, its revision (for optimistic locking) and when it last changed. */
    public record Draft(Course course, int revision, Instant updatedAt) {}

    /** A course someone may edit, for the list of their courses. */
    public record Summary(
            UUID id,
            String slug,
            String title,
            UUID organisationId,
            int publishedVersion,
            Instant updatedAt,
            boolean changedSincePublished) {}

    private final JdbcClient jdbc;

    Drafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Draft> find(UUID course) {
        return jdbc.sql("SELECT document::text, revision, updated_at FROM course.draft WHERE course_id = :id")
                .param("id", course)
                .query((rs, n) -> new Draft(
                        CourseDocuments.read(rs.getString(1)),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public void insert(Course course, @Nullable UUID by) {
        jdbc.sql("""
                INSERT INTO course.draft (course_id, organisation_id, slug, document, updated_by_account_id)
                VALUES (:id, :org, :slug, CAST(:doc AS jsonb), :by)""")
                .param("id", course.id())
                .param("org", course.organisationId())
                .param("slug", course.slug())
                .param("doc", CourseDocuments.write(course))
                .param("by", by)
                .update();
    }

    /** Saves if nobody saved since {@code revision}; returns the new revision, or empty when someone did. */
    public Optional<Integer> update(Course course, int revision, UUID by) {
        return jdbc.sql("""
                UPDATE course.draft SET document = CAST(:doc AS jsonb), slug = :slug, revision = revision + 1,
                       updated_at = now(), updated_by_account_id = :by
                WHERE course_id = :id AND revision = :revision
                RETURNING revision""")
                .param("id", course.id())
                .param("slug", course.slug())
                .param("doc", CourseDocuments.write(course))
                .param("revision", revision)
                .param("by", by)
                .query(Integer.class)
                .optional();
    }

    public boolean slugTaken(String slug, UUID except) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM course.draft WHERE slug = :slug AND course_id <> :id)
                    OR EXISTS (SELECT 1 FROM course.course WHERE slug = :slug AND id <> :id)""")
                .param("slug", slug)
                .param("id", except)
                .query(Boolean.class)
                .single();
    }

    public void recordVersion(Course course, int version, UUID by) {
        jdbc.sql("""
                INSERT INTO course.course_version (course_id, version, document, published_by_account_id)
                VALUES (:id, :version, CAST(:doc AS jsonb), :by)""")
                .param("id", course.id())
                .param("version", version)
                .param("doc", CourseDocuments.write(course))
                .param("by", by)
                .update();
    }

    /** True if the draft was saved after that version was published. */
    public boolean changedSince(UUID course, int version) {
        return jdbc.sql("""
                SELECT d.updated_at > v.published_at FROM course.draft d
                JOIN course.course_version v ON v.course_id = d.course_id AND v.version = :version
                WHERE d.course_id = :id""")
                .param("id", course)
                .param("version", version)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    public int latestVersion(UUID course) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM course.course_version WHERE course_id = :id")
                .param("id", course)
                .query(Integer.class)
                .single();
    }

    /** The courses of these organisations or with this professor, drafts and published ones alike. */
    public List<Summary> editable(List<UUID> organisations, UUID professor) {
        return jdbc.sql("""
                SELECT coalesce(d.course_id, c.id) AS id, coalesce(d.slug, c.slug) AS slug,
                       coalesce(d.document -> 'title', c.title) AS title, coalesce(d.organisation_id, c.organisation_id) AS org,
                       coalesce(c.version, 0) AS version, coalesce(d.updated_at, c.published_at) AS updated,
                       d.course_id IS NOT NULL AND (c.id IS NULL OR d.updated_at > (SELECT max(published_at)
                           FROM course.course_version v WHERE v.course_id = d.course_id)
                           OR NOT EXISTS (SELECT 1 FROM course.course_version v WHERE v.course_id = d.course_id)) AS changed
                FROM course.draft d FULL JOIN course.course c ON c.id = d.course_id
                WHERE coalesce(d.organisation_id, c.organisation_id) = ANY(:orgs)
                   OR :professor = ANY(c.professor_ids)
                   OR d.document -> 'professorIds' @> to_jsonb(CAST(:professor AS text))
                ORDER BY updated DESC""")
                .param("orgs", organisations.toArray(UUID[]::new))
                .param("professor", professor)
                .query((rs, n) -> new Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        firstValue(rs.getString("title")),
                        rs.getObject("org", UUID.class),
                        rs.getInt("version"),
                        rs.getTimestamp("updated").toInstant(),
                        rs.getBoolean("changed")))
                .list();
    }

    private static String firstValue(String jsonMap) {
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(jsonMap);
        var values = node.values().iterator();
        return values.hasNext() ? values.next().asString() : "";
    }
}
