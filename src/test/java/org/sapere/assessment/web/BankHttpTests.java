package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.course.CourseAuthoring;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The question bank over real HTTP, as the course's professor: writing an item, editing it into a new version
 * (attempts keep theirs), a mistake answered with a message on its field, and QTI packages — an export imports back
 * as the same items, and a malformed package is refused with a message and leaves the bank as it was.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BankHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    ItemBank bank;

    @Autowired
    JdbcClient jdbc;

    /** A course of Rossi's whose bank the demo leaves empty. */
    UUID course() {
        return courses.outlineBySlug("gestione-agile-dei-progetti")
                .orElseThrow()
                .id()
                .value();
    }

    WebSession professor() throws Exception {
        return new WebSession(port).signIn("rossi@polimi.example");
    }

    @Test
    void aProfessorWritesAnItemAndAnEditMakesANewVersion() throws Exception {
        var session = professor();
        var base = "/teach/courses/" + course() + "/bank";
        assertThat(session.get(base + "/new?type=single-choice").statusCode()).isEqualTo(200);
        var created = session.form(
                base + "/new?type=single-choice",
                Map.of(
                        "type", "single-choice",
                        "stem", "Which ceremony ends a **sprint**?",
                        "options", "* The sprint retrospective | Yes.\nThe daily stand-up\nBacklog refinement",
                        "points", "2",
                        "tags", "scrum, ceremonies"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var location = created.headers().firstValue("Location").orElseThrow();
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var page = session.get(base + "/items/" + id);
        assertThat(page.body())
                .contains("Question saved")
                .contains("Which ceremony ends a")
                .contains("Version 1");
        assertThat(session.get(base).body()).contains("Which ceremony ends a sprint?");

        var edited = session.form(
                base + "/items/" + id,
                Map.of(
                        "version", "1",
                        "stem", "Which ceremony closes a **sprint**?",
                        "options", "* The sprint retrospective | Yes.\nThe daily stand-up\nBacklog refinement",
                        "points", "2",
                        "tags", "scrum"));
        assertThat(edited.statusCode()).isEqualTo(302);
        var current = (SingleChoice) bank.current(course(), id).orElseThrow();
        assertThat(current.info().version()).isEqualTo(2);
        assertThat(current.info().stem().original()).contains("closes");
        assertThat(((SingleChoice) bank.item(id, 1).orElseThrow()).info().stem().original())
                .contains("ends");
        // The unchanged options kept their ids, so results stay comparable across versions.
        assertThat(current.options()).isEqualTo(((SingleChoice) bank.item(id, 1).orElseThrow()).options());

        // Saving over an old version is refused and loses nothing typed.
        var stale = session.form(
                base + "/items/" + id,
                Map.of("version", "1", "stem", "A stale edit", "options", "* A\nB", "points", "1"));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone saved this question").contains("A stale edit");
        assertThat(bank.current(course(), id).orElseThrow().info().version()).isEqualTo(2);
    }

    @Test
    void mistakesAreAnsweredWithAMessageOnTheirField() throws Exception {
        var session = professor();
        var base = "/teach/courses/" + course() + "/bank";
        var before = bank.list(course(), null).size();
        var refused = session.form(
                base + "/new?type=single-choice",
                Map.of("stem", "No right answer here", "options", "Rome\nMilan", "points", "abc"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("No right answer here");
        assertThat(bank.list(course(), null)).hasSize(before);
        assertThat(session.get(base + "/new?type=no-such-type").statusCode()).isEqualTo(404);
        assertThat(session.get(base + "/items/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anExportImportsBackAsTheSameItemsAndABadPackageChangesNothing() throws Exception {
        var session = professor();
        var base = "/teach/courses/" + course() + "/bank";
        session.form(
                base + "/new?type=ordering",
                Map.of(
                        "stem",
                        "Order the Scrum events",
                        "items",
                        "Sprint planning\nDaily scrum\nSprint review\nRetrospective"));
        session.form(
                base + "/new?type=numeric",
                Map.of("stem", "How many weeks is a typical sprint at most?", "value", "4"));
        var export = session.getBytes(base + "/export", Map.of());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("zip");
        var items = bank.list(course(), null);

        // Imported into the same course, each item comes back as its next version, identical in content.
        var imported = upload(session, base + "/import", export.body());
        assertThat(imported.body()).contains("imported");
        for (var entry : items) {
            var again = bank.current(course(), entry.id()).orElseThrow();
            assertThat(again.info().version()).isEqualTo(entry.version() + 1);
            var was = bank.item(entry.id(), entry.version()).orElseThrow();
            assertThat(again.withInfo(was.info())).isEqualTo(was);
        }

        var count = jdbc.sql("SELECT count(*) FROM assessment.item")
                .query(Integer.class)
                .single();
        for (var bad : new byte[][] {
            zip(Map.of("items/a.xml", "<assessmentItem/>")),
            zip(Map.of(
                    "imsmanifest.xml",
                    "<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><manifest>&x;</manifest>")),
            zip(Map.of("../../evil.xml", "x", "imsmanifest.xml", "<manifest/>")),
            "not a zip at all".getBytes(StandardCharsets.UTF_8)
        }) {
            var refused = upload(session, base + "/import", bad);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("notice error");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM assessment.item")
                        .query(Integer.class)
                        .single())
                .isEqualTo(count);
    }

    static byte[] zip(Map<String, String> entries) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static HttpResponse<String> upload(WebSession session, String path, byte[] file) throws Exception {
        var boundary = "sapere" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + session.csrf()
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"questions.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.send(HttpRequest.newBuilder(session.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
