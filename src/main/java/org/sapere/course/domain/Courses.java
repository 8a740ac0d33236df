package org.sapere.course.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.LessonKind;
import org.sapere.course.LessonMaterial;
import org.sapere.course.Level;
import org.sapere.shared.LocalizedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores course aggregates in the {@code course} schema with plain SQL; translatable texts are jsonb maps. */
@Repository
public class Courses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TEXT = new TypeReference<>() {};
    private static final TypeReference<List<LinkedHashMap<String, String>>> TEXTS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    Courses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new course with all its parts and lessons. */
    public void insert(Course c) {
        jdbc.sql("""
                INSERT INTO course.course (id, organisation_id, slug, version, title, summary, description, subjects,
                                           level, language, outcomes, professor_ids, ects_credits, eqf_level, assessment)
                VALUES (:id, :org, :slug, :version, CAST(:title AS jsonb), CAST(:summary AS jsonb),
                        CAST(:description AS jsonb), :subjects, :level, :language, CAST(:outcomes AS jsonb), :profs,
                        :ects, :eqf, :assessment)""")
                .param("id", c.id())
                .param("org", c.organisationId())
                .param("slug", c.slug())
                .param("version", c.version())
                .param("title", json(c.title()))
                .param("summary", json(c.summary()))
                .param("description", json(c.description()))
                .param("subjects", c.subjects().toArray(String[]::new))
                .param("level", c.level().name())
                .param("language", c.language())
                .param(
                        "outcomes",
                        JSON.writeValueAsString(c.outcomes().stream()
                                .map(LocalizedText::variants)
                                .toList()))
                .param("profs", c.professorIds().toArray(UUID[]::new))
                .param("ects", c.credit().ects())
                .param("eqf", c.credit().eqfLevel())
                .param("assessment", c.credit().assessment())
                .update();
        for (int m = 0; m < c.modules().size(); m++) {
            var part = c.modules().get(m);
            jdbc.sql(
                            "INSERT INTO course.course_module (id, course_id, position, title) VALUES (:id, :course, :pos, CAST(:title AS jsonb))")
                    .param("id", part.id())
                    .param("course", c.id())
                    .param("pos", m)
                    .param("title", json(part.title()))
                    .update();
            for (int l = 0; l < part.lessons().size(); l++) {
                var lesson = part.lessons().get(l);
                jdbc.sql("""
                        INSERT INTO course.lesson (id, module_id, course_id, position, kind, title, minutes, body, material)
                        VALUES (:id, :module, :course, :pos, :kind, CAST(:title AS jsonb), :minutes, CAST(:body AS jsonb),
                                CAST(:material AS jsonb))""")
                        .param("id", lesson.id())
                        .param("module", part.id())
                        .param("course", c.id())
                        .param("pos", l)
                        .param("kind", lesson.kind().value())
                        .param("title", json(lesson.title()))
                        .param("minutes", lesson.minutes())
                        .param("body", lesson.body() == null ? null : json(lesson.body()))
                        .param(
                                "material",
                                lesson.material() == null ? null : JSON.writeValueAsString(lesson.material()))
                        .update();
            }
        }
    }

    /** Replaces what learners see with this version (modules and lessons keep their ids). */
    public void replacePublished(Course c) {
        jdbc.sql("DELETE FROM course.course WHERE id = :id").param("id", c.id()).update();
        insert(c);
    }

    /** The highest published version, 0 if never published. */
    public int latestVersion(UUID course) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM course.course WHERE id = :id")
                .param("id", course)
                .query(Integer.class)
                .single();
    }

    public Optional<Course> findById(UUID id) {
        return find("c.id = :key", id);
    }

    public Optional<Course> findBySlug(String slug) {
        return find("c.slug = :key", slug);
    }

    /** The course of a published lesson. */
    public Optional<UUID> courseOfLesson(UUID lesson) {
        return jdbc.sql("SELECT course_id FROM course.lesson WHERE id = :id")
                .param("id", lesson)
                .query(UUID.class)
                .optional();
    }

    public List<UUID> allIds() {
        return jdbc.sql("SELECT id FROM course.course ORDER BY published_at, slug")
                .query(UUID.class)
                .list();
    }

    private Optional<Course> find(String where, Object key) {
        var rows = jdbc.sql("""
                SELECT c.*, m.id AS m_id, m.title AS m_title,
                       l.id AS l_id, l.title AS l_title, l.kind AS l_kind, l.minutes AS l_minutes, l.body AS l_body,
                       l.material AS l_material
                FROM course.course c
                LEFT JOIN course.course_module m ON m.course_id = c.id
                LEFT JOIN course.lesson l ON l.module_id = m.id
                WHERE %s
                ORDER BY m.position, l.position""".formatted(where))
                .param("key", key)
                .query((rs, n) -> new Row(rs))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var first = rows.getFirst();
        var parts = new LinkedHashMap<UUID, Course.Part>();
        var lessons = new LinkedHashMap<UUID, List<Course.Lesson>>();
        for (var row : rows) {
            if (row.moduleId == null) {
                continue;
            }
            lessons.computeIfAbsent(row.moduleId, k -> new ArrayList<>());
            parts.putIfAbsent(row.moduleId, new Course.Part(row.moduleId, text(row.moduleTitle), List.of()));
            if (row.lessonId != null) {
                lessons.get(row.moduleId)
                        .add(new Course.Lesson(
                                row.lessonId,
                                text(row.lessonTitle),
                                new LessonKind(row.lessonKind),
                                row.lessonMinutes,
                                row.lessonBody == null ? null : text(row.lessonBody),
                                row.lessonMaterial == null
                                        ? null
                                        : JSON.readValue(row.lessonMaterial, LessonMaterial.class)));
            }
        }
        var modules = parts.values().stream()
                .map(p -> new Course.Part(p.id(), p.title(), lessons.get(p.id())))
                .toList();
        return Optional.of(new Course(
                        first.id,
                        first.organisationId,
                        first.slug,
                        first.version,
                        text(first.title),
                        text(first.summary),
                        text(first.description),
                        first.subjects,
                        first.level,
                        first.language,
                        JSON.readValue(first.outcomes, TEXTS).stream()
                                .map(LocalizedText::new)
                                .toList(),
                        first.professorIds,
                        modules)
                .withCredit(first.credit));
    }

    private static String json(LocalizedText text) {
        return JSON.writeValueAsString(text.variants());
    }

    private static LocalizedText text(String json) {
        return new LocalizedText(JSON.readValue(json, TEXT));
    }

    /** One row of the course ⋈ module ⋈ lesson join. */
    private static final class Row {
        final UUID id;
        final UUID organisationId;
        final String slug;
        final int version;
        final String title;
        final String summary;
        final String description;
        final List<String> subjects;
        final Level level;
        final String language;
        final String outcomes;
        final List<UUID> professorIds;
        final org.sapere.course.CourseCredit credit;
        final @Nullable UUID moduleId;
        final @Nullable String moduleTitle;
        final @Nullable UUID lessonId;
        final @Nullable String lessonTitle;
        final @Nullable String lessonKind;
        final int lessonMinutes;
        final @Nullable String lessonBody;
        final @Nullable String lessonMaterial;

        Row(ResultSet rs) throws SQLException {
            id = rs.getObject("id", UUID.class);
            organisationId = rs.getObject("organisation_id", UUID.class);
            slug = rs.getString("slug");
            version = rs.getInt("version");
            title = rs.getString("title");
            summary = rs.getString("summary");
            description = rs.getString("description");
            subjects = Arrays.asList((String[]) rs.getArray("subjects").getArray());
            level = Level.valueOf(rs.getString("level"));
            language = rs.getString("language");
            outcomes = rs.getString("outcomes");
            professorIds = Arrays.asList((UUID[]) rs.getArray("professor_ids").getArray());
            credit = new org.sapere.course.CourseCredit(
                    rs.getBigDecimal("ects_credits"),
                    rs.getObject("eqf_level") == null ? null : rs.getInt("eqf_level"),
                    rs.getString("assessment"));
            moduleId = rs.getObject("m_id", UUID.class);
            moduleTitle = rs.getString("m_title");
            lessonId = rs.getObject("l_id", UUID.class);
            lessonTitle = rs.getString("l_title");
            lessonKind = rs.getString("l_kind");
            lessonMinutes = rs.getInt("l_minutes");
            lessonBody = rs.getString("l_body");
            lessonMaterial = rs.getString("l_material");
        }
    }
}
