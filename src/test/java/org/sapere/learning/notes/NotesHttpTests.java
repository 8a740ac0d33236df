package org.sapere.learning.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.CourseOutline.LessonOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountErased;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notes and bookmarks over real HTTP, signed in with a password and sending the CSRF token: the panel's forms, the
 * script's idempotent PUT, the notes page and its Markdown download, the messages for bad input, and one learner
 * kept out of another's notes; an erased account's notes go with it. Each test works as its own generated learner.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotesHttpTests {

    private static final String COURSE = "project-management-essentials";

    @LocalServerPort
    int port;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    Registrar registrar;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aLearnerAddsEditsAndDeletesANoteWithThePanelsForms() throws Exception {
        var web = enrolled("learner041@learners.sapere.test");
        var lesson = reading(0);
        var url = lessonUrl(lesson);
        var id = UUID.randomUUID();

        var added = web.form(
                url + "/notes", Map.of("id", id.toString(), "body", "Operations repeat.\r\nProjects <b>end</b>."));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(url + "#notes");
        // The same form sent twice (a double click, a resend) is one note.
        web.form(url + "/notes", Map.of("id", id.toString(), "body", "Operations repeat.\r\nProjects <b>end</b>."));
        assertThat(count("learning.note", "id", id)).isEqualTo(1);

        var page = web.get(url).body();
        assertThat(page)
                .contains("Your notes")
                .contains("Note saved.")
                .contains(
                        "<p class=\"note-body\" data-note-body>Operations repeat.\nProjects &lt;b&gt;end&lt;/b&gt;.</p>")
                .doesNotContain("Projects <b>end</b>");

        var edited = web.form(url + "/notes/" + id, Map.of("body", "Projects are temporary."));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(web.get(url).body()).contains("Projects are temporary.").doesNotContain("Operations repeat.");

        var export = web.get("/account/export").body();
        assertThat(export).contains("\"notes\"").contains("Projects are temporary.");

        var deleted = web.form(url + "/notes/" + id + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(count("learning.note", "id", id)).isZero();
        assertThat(web.get(url).body())
                .doesNotContain("Projects are temporary.")
                .contains("Note deleted.");
    }

    @Test
    void sendingTheSameNoteTwiceStoresItOnceAndAVideoNoteKeepsItsTime() throws Exception {
        var web = enrolled("learner042@learners.sapere.test");
        var video = course().lessons()
                .filter(l -> l.kind().value().equals("video"))
                .findFirst()
                .orElseThrow();
        var id = UUID.randomUUID();
        var json = "{\"lesson\":\"%s\",\"body\":\"The life cycle has four phases.\",\"videoSecond\":192.4}"
                .formatted(video.id());

        var first = put(web, id, json);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"clock\":\"3:12\"").contains("Note saved.");
        var again = put(web, id, json);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(count("learning.note", "id", id)).isEqualTo(1);

        var changed = put(web, id, json.replace("four phases", "four phases: initiate, plan, execute, close"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Note updated.");
        assertThat(jdbc.sql("SELECT body FROM learning.note WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("initiate, plan");

        // The panel links the note to its moment, for the script to seek and for a page opened from elsewhere.
        var page = web.get(lessonUrl(video)).body();
        assertThat(page).contains("href=\"" + lessonUrl(video) + "?t=192\"").contains("at 3:12");

        // A reading has no video: a time sent with its note is not kept.
        var readingNote = UUID.randomUUID();
        put(
                web,
                readingNote,
                "{\"lesson\":\"%s\",\"body\":\"No video here.\",\"videoSecond\":30}"
                        .formatted(reading(1).id()));
        assertThat(jdbc.sql("SELECT video_second FROM learning.note WHERE id = :id")
                        .param("id", readingNote)
                        .query()
                        .singleRow()
                        .get("video_second"))
                .isNull();
    }

    @Test
    void theNotesPageGroupsByCourseAndLessonAndDownloadsAsMarkdown() throws Exception {
        var web = enrolled("learner042@learners.sapere.test");
        var first = reading(2);
        var second = reading(3);
        put(
                web,
                UUID.randomUUID(),
                "{\"lesson\":\"%s\",\"body\":\"Scope: what is in, what is out.\\nWrite both down.\"}"
                        .formatted(first.id()));
        put(
                web,
                UUID.randomUUID(),
                "{\"lesson\":\"%s\",\"body\":\"The WBS is a tree of deliverables.\"}".formatted(second.id()));
        web.form(lessonUrl(second) + "/bookmark", Map.of("bookmarked", "true"));

        var page = web.get("/learn/notes?course=" + COURSE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("My notes")
                .contains(">Project Management Essentials</h2>")
                .contains("<a href=\"" + lessonUrl(first) + "\" lang=\"en\">" + title(first) + "</a>")
                .contains("Scope: what is in, what is out.\nWrite both down.")
                .contains("Bookmarked lessons")
                .contains("<option value=\"" + COURSE + "\" selected>")
                .contains("href=\"/learn/notes.md?course=" + COURSE + "\"");

        var markdown = web.get("/learn/notes.md");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringCase("text/markdown;charset=UTF-8");
        assertThat(markdown.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("sapere-notes.md");
        var text = markdown.body();
        assertThat(text)
                .startsWith("# Notes from Sapere\n")
                .contains("\n## Project Management Essentials\n")
                .contains("\n### " + title(first) + "\n")
                .contains("*: Scope: what is in, what is out.\n  Write both down.\n")
                .contains("\n### " + title(second) + "\n")
                .contains("## Bookmarked lessons\n\n- " + title(second) + " (Project Management Essentials)");
        // The video note written in the other test, if it ran first, shows its time.
        assertThat(text.lines().filter(l -> l.startsWith("- *") && l.contains("at 3:12*: ")))
                .allMatch(l -> l.contains("The life cycle"));
        // The first lesson's heading comes before the second's: lessons are in the course's order.
        assertThat(text.indexOf("### " + title(first))).isLessThan(text.indexOf("### " + title(second)));

        web.form(lessonUrl(second) + "/bookmark", Map.of("bookmarked", "false"));
        assertThat(web.get(lessonUrl(second)).body()).contains("aria-pressed=\"false\"");
    }

    @Test
    void aBookmarkIsAToggleButtonThatSaysWhetherItIsPressed() throws Exception {
        var web = enrolled("learner041@learners.sapere.test");
        var lesson = reading(4);
        assertThat(web.get(lessonUrl(lesson)).body())
                .contains("aria-pressed=\"false\"")
                .contains("name=\"bookmarked\" value=\"true\"");
        web.form(lessonUrl(lesson) + "/bookmark", Map.of("bookmarked", "true"));
        web.form(lessonUrl(lesson) + "/bookmark", Map.of("bookmarked", "true"));
        assertThat(count("learning.bookmark", "lesson_id", lesson.id().value())).isEqualTo(1);
        var page = web.get(lessonUrl(lesson)).body();
        assertThat(page).contains("aria-pressed=\"true\"").contains("Lesson bookmarked.");
        assertThat(web.get("/learn/notes").body()).contains("<a href=\"" + lessonUrl(lesson) + "\" lang=\"en\">");
        web.form(lessonUrl(lesson) + "/bookmark", Map.of("bookmarked", "false"));
        assertThat(count("learning.bookmark", "lesson_id", lesson.id().value())).isZero();
    }

    @Test
    void aLearnerNeverSeesOrChangesAnothersNotes() throws Exception {
        var owner = enrolled("learner043@learners.sapere.test");
        var other = enrolled("learner044@learners.sapere.test");
        var lesson = reading(0);
        var id = UUID.randomUUID();
        var secret = "Only learner 43 may read this.";
        assertThat(put(owner, id, "{\"lesson\":\"%s\",\"body\":\"%s\"}".formatted(lesson.id(), secret))
                        .statusCode())
                .isEqualTo(201);

        assertThat(other.get(lessonUrl(lesson)).body()).doesNotContain(secret);
        assertThat(other.get("/learn/notes").body()).doesNotContain(secret);
        assertThat(other.get("/learn/notes.md").body()).doesNotContain(secret);

        // Overwriting through the same id, editing or deleting through the forms: refused, and nothing changes.
        var taken = put(other, id, "{\"lesson\":\"%s\",\"body\":\"Overwritten\"}".formatted(lesson.id()));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).doesNotContain(secret);
        assertThat(other.form(lessonUrl(lesson) + "/notes/" + id, Map.of("body", "Overwritten"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.form(lessonUrl(lesson) + "/notes/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.form(lessonUrl(lesson) + "/notes", Map.of("id", id.toString(), "body", "Overwritten"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(jdbc.sql("SELECT body FROM learning.note WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(secret);
        assertThat(owner.get(lessonUrl(lesson)).body()).contains(secret);
    }

    @Test
    void withoutAnEnrolmentThereIsNothingToWriteOn() throws Exception {
        var email = "learner043@learners.sapere.test";
        var learner = identity.accountByEmail(email).orElseThrow();
        var web = new WebSession(port).signIn(email);
        var elsewhere = courses.published().stream()
                .filter(c -> !registrar.isEnrolled(learner, c.id()))
                .findFirst()
                .orElseThrow();
        var lesson = elsewhere.lessons().findFirst().orElseThrow();

        var refused = put(web, UUID.randomUUID(), "{\"lesson\":\"%s\",\"body\":\"Hello\"}".formatted(lesson.id()));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("not in one of your courses");
        var form = web.form(
                "/learn/courses/" + elsewhere.slug() + "/lessons/" + lesson.id() + "/notes", Map.of("body", "Hello"));
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/courses/" + elsewhere.slug());
        assertThat(jdbc.sql("SELECT count(*) FROM learning.note WHERE account_id = :a AND lesson_id = :l")
                        .param("a", learner.value())
                        .param("l", lesson.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badInputIsAnsweredWithAMessageInTheLearnersLanguage() throws Exception {
        var web = enrolled("learner042@learners.sapere.test");
        var lesson = reading(0);
        var url = lessonUrl(lesson);

        var empty = web.form(url + "/notes", Map.of("body", "   \r\n  "));
        assertThat(empty.headers().firstValue("Location").orElseThrow()).endsWith(url);
        assertThat(web.get(url).body()).contains("Write something in the note first.");
        var tooLong = web.form(url + "/notes", Map.of("body", "x".repeat(10_001)));
        assertThat(tooLong.statusCode()).isEqualTo(302);
        assertThat(web.get(url).body()).contains("A note can have at most 10,000 characters.");
        // Exactly the limit is fine, counting a line break as one character as the learner sees it.
        var limit = "y".repeat(5_000) + "\r\n" + "y".repeat(4_999);
        web.form(url + "/notes", Map.of("body", limit));
        assertThat(web.get(url).body()).contains("Note saved.");

        var id = UUID.randomUUID();
        assertMessage(put(web, id, "{not json"), 400, "The note could not be read.");
        assertMessage(put(web, id, ""), 400, "The note could not be read.");
        assertMessage(put(web, id, "{\"lesson\":\"nope\",\"body\":\"Hi\"}"), 400, "The note could not be read.");
        assertMessage(
                put(web, id, "{\"lesson\":\"%s\",\"body\":\"  \"}".formatted(lesson.id())),
                400,
                "Write something in the note first.");
        assertMessage(
                put(web, id, "{\"lesson\":\"%s\",\"body\":\"%s\"}".formatted(lesson.id(), "z".repeat(10_001))),
                400,
                "at most 10,000 characters");
        assertMessage(
                put(web, id, "{\"lesson\":\"%s\",\"body\":\"a\\u0000b\"}".formatted(lesson.id())),
                400,
                "characters that cannot be saved");
        assertMessage(
                put(web, id, "{\"lesson\":\"%s\",\"body\":\"Hi\",\"videoSecond\":-3}".formatted(lesson.id())),
                400,
                "The video time of the note is not valid.");
        assertMessage(
                put(web, id, "{\"lesson\":\"%s\",\"body\":\"Hi\",\"videoSecond\":\"soon\"}".formatted(lesson.id())),
                400,
                "The note could not be read.");
        assertMessage(
                put(web, id, "{\"lesson\":\"%s\",\"body\":\"Hi\"}".formatted(UUID.randomUUID())),
                404,
                "This lesson does not exist");
        assertMessage(
                web.send(HttpRequest.newBuilder(web.uri("/learn/notes/" + id))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("Hi"))),
                400,
                "The note could not be read.");
        assertThat(put(web, "not-a-uuid", "{\"lesson\":\"%s\",\"body\":\"Hi\"}".formatted(lesson.id()))
                        .statusCode())
                .isEqualTo(400);
        assertThat(count("learning.note", "id", id)).isZero();

        var italian = web.send(HttpRequest.newBuilder(web.uri("/learn/notes/" + id))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "it")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"lesson\":\"%s\",\"body\":\"\"}".formatted(lesson.id()))));
        assertMessage(italian, 400, "Scrivi qualcosa nell'appunto.");
    }

    @Test
    void anErasedAccountLosesItsNotesAndBookmarks() throws Exception {
        // A stand-in account: erasing a real one would take a learner away from the other tests.
        var account = UUID.randomUUID();
        var lesson = reading(0);
        jdbc.sql("""
                INSERT INTO learning.note (id, account_id, course_id, lesson_id, body, created_at, updated_at)
                VALUES (:id, :account, :course, :lesson, 'Private thoughts', now(), now())""")
                .param("id", UUID.randomUUID())
                .param("account", account)
                .param("course", course().id().value())
                .param("lesson", lesson.id().value())
                .update();
        jdbc.sql("""
                INSERT INTO learning.bookmark (account_id, lesson_id, course_id, created_at)
                VALUES (:account, :lesson, :course, now())""")
                .param("account", account)
                .param("course", course().id().value())
                .param("lesson", lesson.id().value())
                .update();

        transactions.executeWithoutResult(
                status -> events.publishEvent(new AccountErased(new AccountId(account), "gone@deleted.invalid")));

        var deadline = System.currentTimeMillis() + 20_000;
        while ((count("learning.note", "account_id", account) > 0
                        || count("learning.bookmark", "account_id", account) > 0)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count("learning.note", "account_id", account)).isZero();
        assertThat(count("learning.bookmark", "account_id", account)).isZero();
    }

    private static void assertMessage(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).contains(message);
    }

    private HttpResponse<String> put(WebSession web, Object id, String json) throws Exception {
        return web.send(HttpRequest.newBuilder(web.uri("/learn/notes/" + id))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private WebSession enrolled(String email) throws Exception {
        AccountId learner = identity.accountByEmail(email).orElseThrow();
        registrar.enrol(learner, course().id());
        return new WebSession(port).signIn(email);
    }

    private CourseOutline course() {
        return courses.outlineBySlug(COURSE).orElseThrow();
    }

    /** The course's n-th reading. */
    private LessonOutline reading(int n) {
        return course().lessons()
                .filter(l -> l.kind().value().equals("reading"))
                .skip(n)
                .findFirst()
                .orElseThrow();
    }

    private static String lessonUrl(LessonOutline lesson) {
        return "/learn/courses/" + COURSE + "/lessons/" + lesson.id();
    }

    private static String title(LessonOutline lesson) {
        return lesson.title().original();
    }

    private long count(String table, String column, UUID value) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :v")
                .param("v", value)
                .query(Long.class)
                .single();
    }
}
