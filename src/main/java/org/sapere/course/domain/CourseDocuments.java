package org.sapere.course.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sapere.course.LessonKind;
import org.sapere.course.Level;
import org.sapere.shared.LocalizedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A course as one JSON document: the format of drafts, of published versions and of the export archive's
 * {@code course.json} (documented in docs/course-archive.md). Texts are maps from language to text; ids are the
 * stable ids that learners' progress refers to.
 */
public final class CourseDocuments {

    /** The format's version, written into every document. */
    public static final int FORMAT = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CourseDocuments() {}

    public static String write(Course c) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", FORMAT);
        doc.put("id", c.id().toString());
        doc.put("organisationId", c.organisationId().toString());
        doc.put("slug", c.slug());
        doc.put("title", c.title().variants());
        doc.put("summary", c.summary().variants());
        doc.put("description", c.description().variants());
        doc.put("subjects", c.subjects());
        doc.put("level", c.level().name());
        doc.put("language", c.language());
        doc.put("outcomes", c.outcomes().stream().map(LocalizedText::variants).toList());
        if (!c.credit().isEmpty()) {
            var credit = new LinkedHashMap<String, Object>();
            if (c.credit().ects() != null) {
                credit.put("ects", c.credit().ects().toPlainString());
            }
            if (c.credit().eqfLevel() != null) {
                credit.put("eqfLevel", c.credit().eqfLevel());
            }
            if (c.credit().assessment() != null) {
                credit.put("assessment", c.credit().assessment());
            }
            doc.put("credit", credit);
        }
        doc.put("professorIds", c.professorIds().stream().map(UUID::toString).toList());
        var modules = new ArrayList<Map<String, Object>>();
        for (var part : c.modules()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", part.id().toString());
            m.put("title", part.title().variants());
            var lessons = new ArrayList<Map<String, Object>>();
            for (var lesson : part.lessons()) {
                var l = new LinkedHashMap<String, Object>();
                l.put("id", lesson.id().toString());
                l.put("kind", lesson.kind().value());
                l.put("title", lesson.title().variants());
                l.put("minutes", lesson.minutes());
                if (lesson.body() != null) {
                    l.put("body", lesson.body().variants());
                }
                if (lesson.material() != null) {
                    var f = lesson.material();
                    l.put(
                            "material",
                            Map.of(
                                    "key",
                                    f.key(),
                                    "fileName",
                                    f.fileName(),
                                    "contentType",
                                    f.contentType(),
                                    "size",
                                    f.size()));
                }
                lessons.add(l);
            }
            m.put("lessons", lessons);
            modules.add(m);
        }
        doc.put("modules", modules);
        return JSON.writeValueAsString(doc);
    }

    /**
     * Reads a document; throws {@link IllegalArgumentException} (with what is wrong) for anything that is not a
     * valid course document.
     */
    public static Course read(String json) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("a course document is a JSON object");
        }
        var modules = new ArrayList<Course.Part>();
        for (var m : doc.path("modules")) {
            var lessons = new ArrayList<Course.Lesson>();
            for (var l : m.path("lessons")) {
                lessons.add(new Course.Lesson(
                        uuid(l, "id"),
                        text(l, "title"),
                        new LessonKind(l.path("kind").asString("reading")),
                        l.path("minutes").asInt(0),
                        l.has("body") ? text(l, "body") : null,
                        l.has("material")
                                ? new org.sapere.course.LessonMaterial(
                                        l.path("material").path("key").asString(""),
                                        l.path("material").path("fileName").asString("file"),
                                        l.path("material").path("contentType").asString("application/octet-stream"),
                                        l.path("material").path("size").asLong(0))
                                : null));
            }
            modules.add(new Course.Part(uuid(m, "id"), text(m, "title"), lessons));
        }
        var outcomes = new ArrayList<LocalizedText>();
        for (var o : doc.path("outcomes")) {
            outcomes.add(new LocalizedText(map(o)));
        }
        var subjects = new ArrayList<String>();
        doc.path("subjects").forEach(s -> subjects.add(s.asString()));
        var professors = new ArrayList<UUID>();
        doc.path("professorIds").forEach(p -> professors.add(UUID.fromString(p.asString())));
        Level level;
        try {
            level = Level.valueOf(doc.path("level").asString("BEGINNER"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown level: " + doc.path("level").asString(), e);
        }
        return new Course(
                        uuid(doc, "id"),
                        uuid(doc, "organisationId"),
                        doc.path("slug").asString(""),
                        0,
                        text(doc, "title"),
                        text(doc, "summary"),
                        text(doc, "description"),
                        subjects,
                        level,
                        doc.path("language").asString("en"),
                        outcomes,
                        professors,
                        modules)
                .withCredit(credit(doc.path("credit")));
    }

    private static org.sapere.course.CourseCredit credit(JsonNode node) {
        if (!node.isObject()) {
            return org.sapere.course.CourseCredit.NONE;
        }
        try {
            return new org.sapere.course.CourseCredit(
                    node.has("ects")
                            ? new java.math.BigDecimal(node.path("ects").asString())
                            : null,
                    node.has("eqfLevel") ? node.path("eqfLevel").asInt() : null,
                    node.has("assessment") ? node.path("assessment").asString() : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("credit: " + e.getMessage(), e);
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        try {
            return UUID.fromString(node.path(field).asString(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a UUID", e);
        }
    }

    private static LocalizedText text(JsonNode node, String field) {
        var map = map(node.path(field));
        if (map.isEmpty()) {
            throw new IllegalArgumentException(field + " needs at least one language");
        }
        return new LocalizedText(map);
    }

    private static Map<String, String> map(JsonNode node) {
        var map = new LinkedHashMap<String, String>();
        if (node.isObject()) {
            for (var entry : node.properties()) {
                map.put(entry.getKey(), entry.getValue().asString(""));
            }
        }
        return map;
    }
}
