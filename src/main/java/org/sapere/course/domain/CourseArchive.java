package org.sapere.course.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A course as a zip archive, to move it between Sapere installations (format in docs/course-archive.md):
 * {@code course.json} is the manifest (the course document with each reading's text replaced by the path of a
 * Markdown file), {@code lessons/<module>-<lesson>-<id>.<language>.md} hold the texts.
 *
 * <p>Reading an archive is defensive: at most {@value #MAX_ENTRIES} entries and {@value #MAX_TOTAL_BYTES} bytes
 * unpacked (zip bombs stop there), names are never used as file paths, and unknown entries are ignored.
 */
public final class CourseArchive {

    public static final String MANIFEST = "course.json";
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    static final int MAX_ENTRY_BYTES = 4 * 1024 * 1024;
    private static final Pattern LESSON_FILE =
            Pattern.compile("lessons/[0-9]{2,3}-[0-9]{2,3}-[0-9a-f-]{36}\\.[a-z]{2,8}\\.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CourseArchive() {}

    /** Why an archive could not be read; {@code key} is a message key for the person. */
    public static final class InvalidArchiveException extends Exception {
        private final String key;

        InvalidArchiveException(String key, String detail) {
            super(detail);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static void write(Course course, OutputStream out) throws IOException {
        var manifest = (ObjectNode) JSON.readTree(CourseDocuments.write(course));
        var texts = new LinkedHashMap<String, String>();
        var modules = manifest.withArray("modules");
        for (int m = 0; m < modules.size(); m++) {
            var lessons = ((ObjectNode) modules.get(m)).withArray("lessons");
            for (int l = 0; l < lessons.size(); l++) {
                var lesson = (ObjectNode) lessons.get(l);
                if (!lesson.has("body")) {
                    continue;
                }
                var paths = JSON.createObjectNode();
                for (var variant : lesson.get("body").properties()) {
                    var path = "lessons/%02d-%02d-%s.%s.md"
                            .formatted(m + 1, l + 1, lesson.get("id").asString(), variant.getKey());
                    texts.put(path, variant.getValue().asString());
                    paths.put(variant.getKey(), path);
                }
                lesson.set("body", paths);
            }
        }
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            for (var text : texts.entrySet()) {
                zip.putNextEntry(new ZipEntry(text.getKey()));
                zip.write(text.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** Reads an archive back into a course (with the ids it was exported with). */
    public static Course read(InputStream in) throws InvalidArchiveException {
        var files = new HashMap<String, String>();
        String manifest = null;
        long total = 0;
        int entries = 0;
        try (var zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidArchiveException("author.import.tooBig", "too many entries");
                }
                var name = entry.getName();
                if (entry.isDirectory()
                        || !(MANIFEST.equals(name) || LESSON_FILE.matcher(name).matches())) {
                    continue;
                }
                var bytes = readLimited(zip);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new InvalidArchiveException("author.import.tooBig", "more than " + MAX_TOTAL_BYTES);
                }
                var text = new String(bytes, StandardCharsets.UTF_8);
                if (MANIFEST.equals(name)) {
                    manifest = text;
                } else {
                    files.put(name, text);
                }
            }
        } catch (IOException | IllegalArgumentException broken) {
            throw new InvalidArchiveException("author.import.notAnArchive", String.valueOf(broken.getMessage()));
        }
        if (manifest == null) {
            throw new InvalidArchiveException("author.import.noManifest", "no " + MANIFEST);
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(manifest);
        } catch (RuntimeException e) {
            throw new InvalidArchiveException("author.import.badManifest", String.valueOf(e.getMessage()));
        }
        if (doc == null || !doc.isObject() || doc.path("format").asInt(0) != CourseDocuments.FORMAT) {
            throw new InvalidArchiveException("author.import.badManifest", "not a course manifest of format 1");
        }
        for (var module : doc.path("modules")) {
            for (var lesson : module.path("lessons")) {
                if (!lesson.has("body")) {
                    continue;
                }
                var body = (ObjectNode) lesson.get("body");
                for (var variant : new ArrayList<>(body.properties())) {
                    var path = variant.getValue().asString();
                    var text = files.get(path);
                    if (text == null) {
                        throw new InvalidArchiveException("author.import.missingFile", path);
                    }
                    body.put(variant.getKey(), text);
                }
            }
        }
        try {
            return CourseDocuments.read(JSON.writeValueAsString(doc));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidArchiveException("author.import.badManifest", String.valueOf(invalid.getMessage()));
        }
    }

    private static byte[] readLimited(InputStream zip) throws IOException, InvalidArchiveException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = zip.read(buffer)) > 0) {
            if (out.size() + n > MAX_ENTRY_BYTES) {
                throw new InvalidArchiveException("author.import.tooBig", "an entry above " + MAX_ENTRY_BYTES);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The same course under fresh ids (so that importing never collides with what exists). */
    static Course withNewIds(Course c, java.util.UUID organisation, java.util.UUID professor, String slug) {
        var modules = c.modules().stream()
                .map(m -> new Course.Part(
                        java.util.UUID.randomUUID(),
                        m.title(),
                        m.lessons().stream()
                                .map(l -> new Course.Lesson(
                                        java.util.UUID.randomUUID(),
                                        l.title(),
                                        l.kind(),
                                        l.minutes(),
                                        l.body(),
                                        l.material()))
                                .toList()))
                .toList();
        return new Course(
                java.util.UUID.randomUUID(),
                organisation,
                slug,
                0,
                c.title(),
                c.summary(),
                c.description(),
                c.subjects(),
                c.level(),
                c.language(),
                c.outcomes(),
                java.util.List.of(professor),
                modules,
                c.credit());
    }
}
