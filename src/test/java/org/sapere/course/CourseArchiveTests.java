package org.sapere.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Export a course to an archive and import it again (here into the same Sapere, as a new course): the round trip
 * gives a course whose manifest equals the original once ids are normalised. Archives that are not archives, lack
 * their manifest or unpack to too much are refused with a message.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class CourseArchiveTests {

    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseEditor editor;

    @Test
    void aCourseSurvivesTheRoundTripThroughItsArchive() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var polimi = identity.organisationBySlug("polimi").orElseThrow().id();
        var course = editor.create(rossi.accountId(), polimi, "Archivi e ritorni", "it");
        var draft = editor.open(course, rossi.accountId());
        var first = draft.course().modules().getFirst().id();
        editor.renameModule(course, first, rossi.accountId(), draft.revision(), "it", "Primo modulo");
        editor.addModule(
                course,
                rossi.accountId(),
                editor.open(course, rossi.accountId()).revision(),
                "it",
                "Secondo");
        var modules = editor.open(course, rossi.accountId()).course().modules();
        editor.addLesson(course, modules.get(0).id(), rossi.accountId(), rev(course), "Una lettura", 7);
        editor.addLesson(course, modules.get(1).id(), rossi.accountId(), rev(course), "Un'altra", 9);
        var lessons = editor.open(course, rossi.accountId()).course().modules().stream()
                .flatMap(m -> m.lessons().stream())
                .toList();
        editor.updateLesson(
                course,
                lessons.get(0).id(),
                rossi.accountId(),
                rev(course),
                "it",
                "Una lettura",
                7,
                "## Titolo\n\nTesto con *enfasi* e una tabella:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        editor.updateLesson(
                course,
                lessons.get(0).id(),
                rossi.accountId(),
                rev(course),
                "en",
                "A reading",
                7,
                "## Title\n\nEnglish variant.\n");
        editor.updateLesson(
                course,
                lessons.get(1).id(),
                rossi.accountId(),
                rev(course),
                "it",
                "Un'altra",
                9,
                "Àccénti, “virgolette” e 😀.\n");
        editor.updateDetails(
                course,
                rossi.accountId(),
                rev(course),
                "it",
                "Archivi e ritorni",
                "Un corso breve per provare l'esportazione.",
                "Descrizione in **Markdown**.",
                List.of("soft-skills"),
                "ADVANCED",
                List.of("Esportare un corso", "Importarlo di nuovo"),
                editor.open(course, rossi.accountId()).course().slug());

        var archive = export(course, rossi);
        var imported = mvc.perform(multipart("/teach/import")
                        .file(new MockMultipartFile("archive", "corso.zip", "application/zip", archive))
                        .param("organisation", polimi.value().toString())
                        .with(user(rossi))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var copy = UUID.fromString(imported.substring("/teach/courses/".length()));
        assertThat(copy).isNotEqualTo(course);

        var original = normalised(manifest(archive));
        var again = normalised(manifest(export(copy, rossi)));
        assertThat(again).isEqualTo(original);
        assertThat(original).contains("ADVANCED", "Esportare un corso");
        var files = texts(archive);
        assertThat(files).hasSize(4); // the manifest and three texts: two languages of one reading, one of another
        assertThat(files.values()).contains("Àccénti, “virgolette” e 😀.\n", "## Title\n\nEnglish variant.\n");
        // The texts of the copy are the same files.
        var copied = texts(export(copy, rossi));
        assertThat(new java.util.TreeSet<>(
                        copied.values().stream().filter(v -> !v.startsWith("{")).toList()))
                .isEqualTo(new java.util.TreeSet<>(
                        files.values().stream().filter(v -> !v.startsWith("{")).toList()));
    }

    @Test
    void brokenArchivesAreRefusedWithAReason() throws Exception {
        var rossi = signedIn("rossi@polimi.example");
        var polimi =
                identity.organisationBySlug("polimi").orElseThrow().id().value().toString();
        importing(rossi, polimi, "not a zip at all".getBytes(StandardCharsets.UTF_8))
                .andExpect(content().string(Matchers.containsString("has no course.json")));
        importing(rossi, polimi, zip("../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8)))
                .andExpect(content().string(Matchers.containsString("has no course.json")));
        importing(
                        rossi,
                        polimi,
                        zip("course.json", "{\"format\": 1, \"id\": \"nope\"}".getBytes(StandardCharsets.UTF_8)))
                .andExpect(content().string(Matchers.containsString("cannot be read as a Sapere course")));
        // Five megabytes of zeros pack into a few kilobytes; unpacking stops at the limit.
        importing(rossi, polimi, zip("course.json", new byte[5 * 1024 * 1024]))
                .andExpect(content().string(Matchers.containsString("larger than Sapere accepts")));
        // Exporting is for the course's authors only.
        var course = editor.create(
                rossi.accountId(),
                identity.organisationBySlug("polimi").orElseThrow().id(),
                "Private",
                "en");
        mvc.perform(get("/teach/courses/" + course + "/export").with(user(signedIn("meier@ethz.example"))))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions importing(
            SignedInUser who, String organisation, byte[] file) throws Exception {
        return mvc.perform(multipart("/teach/import")
                        .file(new MockMultipartFile("archive", "x.zip", "application/zip", file))
                        .param("organisation", organisation)
                        .with(user(who))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    private int rev(UUID course) {
        return editor.open(course, signedIn("rossi@polimi.example").accountId()).revision();
    }

    private byte[] export(UUID course, SignedInUser who) throws Exception {
        var result = mvc.perform(get("/teach/courses/" + course + "/export").with(user(who)))
                .andExpect(status().isOk())
                .andReturn();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static String manifest(byte[] archive) throws Exception {
        return texts(archive).get("course.json");
    }

    /** Every entry of the archive by name, as text. */
    private static LinkedHashMap<String, String> texts(byte[] archive) throws Exception {
        var texts = new LinkedHashMap<String, String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                texts.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** Ids become their order of first appearance; the address may differ (the original's is taken). */
    private static String normalised(String manifest) {
        var numbers = new LinkedHashMap<String, Integer>();
        var matcher = UUIDS.matcher(manifest);
        var out = new StringBuilder();
        while (matcher.find()) {
            var n = numbers.computeIfAbsent(matcher.group(), k -> numbers.size() + 1);
            matcher.appendReplacement(out, "id-" + n);
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\"slug\" : \"[a-z0-9-]+\"", "\"slug\" : \"-\"");
    }

    private static byte[] zip(String name, byte[] content) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private SignedInUser signedIn(String email) {
        return new SignedInUser(identity.accountByEmail(email).orElseThrow(), email, email, null, false, true);
    }
}
