package org.sapere.course.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.domain.CourseEditor;
import org.sapere.course.domain.CourseEditor.Outcome;
import org.sapere.course.domain.CourseEditor.Problem;
import org.sapere.course.domain.Materials;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.OrganisationId;
import org.sapere.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * Professors' pages for building courses ({@code /teach}). Every change posts the draft revision it was made on and
 * comes back to the page it was made from; the service checks, for every action, that the person may edit the course.
 */
@Controller
class AuthoringController {

    static final List<String> SUBJECTS = org.sapere.shared.Subjects.ALL;

    private final CourseEditor editor;
    private final IdentityDirectory identity;
    private final Materials materials;
    private final org.sapere.course.CourseAuthoring authoring;

    AuthoringController(
            CourseEditor editor,
            IdentityDirectory identity,
            Materials materials,
            org.sapere.course.CourseAuthoring authoring) {
        this.authoring = authoring;
        this.editor = editor;
        this.identity = identity;
        this.materials = materials;
    }

    @GetMapping("/teach")
    ModelAndView courses(@AuthenticationPrincipal SignedInUser user) {
        return teach(user, List.of(), "", "");
    }

    @PostMapping("/teach/courses")
    ModelAndView create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "en") String language,
            HttpServletResponse response) {
        var universities = editor.universitiesOf(user.accountId());
        var chosen = universities.stream()
                .filter(o -> o.value().toString().equals(organisation))
                .findFirst();
        var problems = new java.util.ArrayList<>(editor.checkNew(title, language));
        if (chosen.isEmpty()) {
            problems.add(new Problem("organisation", "author.university.invalid", null));
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return teach(user, problems, clip(title, 200), language);
        }
        var id = editor.create(user.accountId(), chosen.get(), title, language);
        return new ModelAndView("redirect:/teach/courses/" + id);
    }

    /** The draft as learners will see it once published: the course page and every lesson, one after another. */
    @GetMapping("/teach/courses/{id}/preview")
    ModelAndView preview(
            @PathVariable UUID id,
            @RequestParam(name = "text", required = false) @Nullable String lang,
            @AuthenticationPrincipal SignedInUser user) {
        var editing = editor.open(id, user.accountId());
        var outline = authoring.preview(editing.course());
        var language = lang == null || !CourseEditor.LANGUAGES.contains(lang)
                ? editing.course().language()
                : lang;
        var people = identity.people(outline.professors());
        return new ModelAndView("course/preview")
                .addObject("course", outline)
                .addObject("editing", editing)
                .addObject("lang", language)
                .addObject(
                        "university",
                        identity.organisation(outline.organisation())
                                .map(o -> o.name())
                                .orElse(""))
                .addObject(
                        "professors",
                        outline.professors().stream()
                                .map(people::get)
                                .filter(java.util.Objects::nonNull)
                                .toList());
    }

    /** The course (its current draft) as an archive another Sapere can import. */
    @GetMapping("/teach/courses/{id}/export")
    org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody>
            export(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user) {
        var course = editor.open(id, user.accountId()).course();
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(course.slug() + ".sapere.zip")
                                .build()
                                .toString())
                .body(out -> org.sapere.course.domain.CourseArchive.write(course, out));
    }

    @PostMapping("/teach/import")
    ModelAndView importArchive(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "archive", required = false)
                    org.springframework.web.multipart.@Nullable MultipartFile archive,
            @RequestParam(defaultValue = "") String organisation,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws java.io.IOException {
        var chosen = editor.universitiesOf(user.accountId()).stream()
                .filter(o -> o.value().toString().equals(organisation))
                .findFirst();
        if (chosen.isEmpty()) {
            response.setStatus(422);
            return teach(user, List.of(new Problem("organisation", "author.university.invalid", null)), "", "en");
        }
        if (archive == null || archive.isEmpty()) {
            response.setStatus(422);
            return teach(user, List.of(new Problem("archive", "author.import.missing", null)), "", "en");
        }
        org.sapere.course.domain.Course course;
        try (var in = archive.getInputStream()) {
            course = org.sapere.course.domain.CourseArchive.read(in);
        } catch (org.sapere.course.domain.CourseArchive.InvalidArchiveException invalid) {
            response.setStatus(422);
            return teach(user, List.of(new Problem("archive", invalid.key(), null)), "", "en");
        }
        var problems = editor.checkImported(course);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return teach(user, problems, "", "en");
        }
        var id = editor.importCourse(user.accountId(), chosen.get(), course);
        flash.addFlashAttribute("notice", "author.import.done");
        return new ModelAndView("redirect:/teach/courses/" + id);
    }

    @GetMapping("/teach/courses/{id}")
    ModelAndView edit(
            @PathVariable UUID id,
            @RequestParam(name = "text", required = false) @Nullable String lang,
            @AuthenticationPrincipal SignedInUser user) {
        return editPage(id, user, lang, List.of(), false);
    }

    @PostMapping("/teach/courses/{id}/details")
    ModelAndView details(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable List<String> subjects,
            @RequestParam(defaultValue = "") String level,
            @RequestParam(defaultValue = "") String outcomes,
            @RequestParam(defaultValue = "") String slug,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var chosen = subjects == null
                ? List.<String>of()
                : subjects.stream().filter(SUBJECTS::contains).toList();
        var outcome = editor.updateDetails(
                id,
                user.accountId(),
                revision,
                lang,
                title,
                summary,
                description,
                chosen,
                level,
                Arrays.asList(outcomes.split("\\R")),
                slug);
        return after(outcome, id, user, lang, "details", response, flash);
    }

    @PostMapping("/teach/courses/{id}/credit")
    ModelAndView credit(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String ects,
            @RequestParam(defaultValue = "") String eqfLevel,
            @RequestParam(defaultValue = "") String assessment,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.updateCredit(id, user.accountId(), revision, ects, eqfLevel, assessment),
                id,
                user,
                lang,
                "credit",
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/modules")
    ModelAndView addModule(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String title,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.addModule(id, user.accountId(), revision, lang, title),
                id,
                user,
                lang,
                "outline",
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/modules/{moduleId}")
    ModelAndView renameModule(
            @PathVariable UUID id,
            @PathVariable UUID moduleId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String title,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.renameModule(id, moduleId, user.accountId(), revision, lang, title),
                id,
                user,
                lang,
                "module-" + moduleId,
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/modules/{moduleId}/move")
    ModelAndView moveModule(
            @PathVariable UUID id,
            @PathVariable UUID moduleId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "0") int by,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.moveModule(id, moduleId, user.accountId(), revision, by),
                id,
                user,
                lang,
                "module-" + moduleId,
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/modules/{moduleId}/delete")
    ModelAndView deleteModule(
            @PathVariable UUID id,
            @PathVariable UUID moduleId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.deleteModule(id, moduleId, user.accountId(), revision),
                id,
                user,
                lang,
                "outline",
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/modules/{moduleId}/lessons")
    ModelAndView addLesson(
            @PathVariable UUID id,
            @PathVariable UUID moduleId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "0") int minutes,
            @RequestParam(defaultValue = "reading") String kind,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.addLesson(id, moduleId, user.accountId(), revision, title, minutes, kindOf(kind)),
                id,
                user,
                lang,
                "module-" + moduleId,
                response,
                flash);
    }

    @GetMapping("/teach/courses/{id}/lessons/{lessonId}")
    ModelAndView lesson(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @RequestParam(name = "text", required = false) @Nullable String lang,
            @AuthenticationPrincipal SignedInUser user) {
        return lessonPage(id, lessonId, user, lang, null, List.of(), false);
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}")
    ModelAndView saveLesson(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "0") int minutes,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var outcome = editor.updateLesson(id, lessonId, user.accountId(), revision, lang, title, minutes, body);
        if (outcome.ok()) {
            flash.addFlashAttribute("notice", "author.saved");
            return new ModelAndView("redirect:/teach/courses/" + id + "/lessons/" + lessonId + langQuery(lang));
        }
        // Nothing typed is lost: the page comes back with the person's text, and on a conflict with the newer
        // revision, so that saving again keeps their version.
        response.setStatus(outcome.conflict() ? 409 : 422);
        return lessonPage(
                id,
                lessonId,
                user,
                lang,
                new Typed(clip(title, 200), minutes, clip(body, CourseEditor.MAX_BODY)),
                outcome.problems(),
                outcome.conflict());
    }

    /** The file of a material lesson: checked by content, streamed into storage, then attached to the draft. */
    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/file")
    ModelAndView uploadFile(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(name = "file", required = false)
                    org.springframework.web.multipart.@Nullable MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash)
            throws java.io.IOException {
        var editing = editor.open(id, user.accountId()); // authorises before anything is stored
        var lesson = editor.lesson(editing.course(), lessonId)
                .orElseThrow(() -> new org.sapere.shared.NotFoundException("lesson " + lessonId));
        if (!org.sapere.course.LessonMaterial.KIND.equals(lesson.kind())) {
            response.setStatus(422);
            return lessonPage(
                    id, lessonId, user, lang, null, List.of(new Problem("file", "author.kind.invalid", null)), false);
        }
        Materials.Upload upload;
        if (file == null || file.isEmpty()) {
            upload = new Materials.Upload(null, "author.file.missing", null);
        } else {
            try (var in = file.getInputStream()) {
                upload = materials.store(id, lessonId, file.getOriginalFilename(), file.getSize(), in);
            }
        }
        if (upload.stored() == null) {
            response.setStatus(422);
            return lessonPage(
                    id,
                    lessonId,
                    user,
                    lang,
                    null,
                    List.of(new Problem("file", upload.problem(), upload.argument())),
                    false);
        }
        var outcome = editor.attachMaterial(id, lessonId, user.accountId(), revision, upload.stored());
        if (!outcome.ok()) {
            response.setStatus(outcome.conflict() ? 409 : 422);
            return lessonPage(id, lessonId, user, lang, null, outcome.problems(), outcome.conflict());
        }
        flash.addFlashAttribute("notice", "author.file.saved");
        return new ModelAndView("redirect:/teach/courses/" + id + "/lessons/" + lessonId + langQuery(lang));
    }

    /** Saves a lesson while the professor types (htmx); answers with a status line and the new revision. */
    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/autosave")
    ModelAndView autosave(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "0") int minutes,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response) {
        var outcome = editor.updateLesson(id, lessonId, user.accountId(), revision, lang, title, minutes, body);
        if (!outcome.ok()) {
            response.setStatus(200); // htmx swaps only 2xx answers; the status line says what happened
        }
        return new ModelAndView("course/autosaved")
                .addObject("outcome", outcome)
                .addObject("revision", outcome.ok() ? outcome.revision() : revision)
                .addObject("at", java.time.LocalTime.now().withNano(0).withSecond(0));
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/move")
    ModelAndView moveLesson(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @RequestParam(defaultValue = "0") int by,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.moveLesson(id, lessonId, user.accountId(), revision, by),
                id,
                user,
                lang,
                "lesson-" + lessonId,
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/delete")
    ModelAndView deleteLesson(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @RequestParam(defaultValue = "0") int revision,
            @RequestParam(name = "text", defaultValue = "") String lang,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return after(
                editor.deleteLesson(id, lessonId, user.accountId(), revision),
                id,
                user,
                lang,
                "outline",
                response,
                flash);
    }

    @PostMapping("/teach/courses/{id}/publish")
    ModelAndView publish(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int revision,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var outcome = editor.publish(id, user.accountId(), revision);
        if (outcome.ok()) {
            flash.addFlashAttribute("notice", "author.published");
            return new ModelAndView("redirect:/teach/courses/" + id);
        }
        response.setStatus(outcome.conflict() ? 409 : 422);
        return editPage(id, user, null, outcome.problems(), outcome.conflict());
    }

    /** The Markdown preview beside the editor (htmx): the same rendering and sanitising learners get. */
    @PostMapping("/teach/preview")
    @ResponseBody
    String preview(@RequestParam(defaultValue = "") String body) {
        var html = editor.preview(body);
        return html.isBlank() ? "<p class=\"hint\">" + HtmlUtils.htmlEscape("…") + "</p>" : html;
    }

    private ModelAndView after(
            Outcome outcome,
            UUID id,
            SignedInUser user,
            String lang,
            String anchor,
            HttpServletResponse response,
            RedirectAttributes flash) {
        if (outcome.ok()) {
            flash.addFlashAttribute("notice", "author.saved");
            return new ModelAndView("redirect:/teach/courses/" + id + langQuery(lang) + "#" + anchor);
        }
        response.setStatus(outcome.conflict() ? 409 : 422);
        return editPage(id, user, lang, outcome.problems(), outcome.conflict());
    }

    private ModelAndView editPage(
            UUID id, SignedInUser user, @Nullable String lang, List<Problem> problems, boolean conflict) {
        var editing = editor.open(id, user.accountId());
        var language = lang == null || !CourseEditor.LANGUAGES.contains(lang)
                ? editing.course().language()
                : lang;
        var university =
                identity.organisation(new OrganisationId(editing.course().organisationId()));
        return new ModelAndView("course/edit")
                .addObject("editing", editing)
                .addObject("lang", language)
                .addObject("languages", CourseEditor.LANGUAGES)
                .addObject("subjects", SUBJECTS)
                .addObject("university", university.map(o -> o.name()).orElse(""))
                .addObject("problems", new Problems(problems))
                .addObject("blockers", editor.checkPublishable(editing.course()))
                .addObject("contributedKinds", editor.contributions())
                .addObject("conflict", conflict);
    }

    /** What the person typed into the lesson form, shown again when it could not be saved. */
    record Typed(String title, int minutes, String body) {}

    private ModelAndView lessonPage(
            UUID id,
            UUID lessonId,
            SignedInUser user,
            @Nullable String lang,
            @Nullable Typed typed,
            List<Problem> problems,
            boolean conflict) {
        var editing = editor.open(id, user.accountId());
        var lesson = editor.lesson(editing.course(), lessonId)
                .orElseThrow(() -> new org.sapere.shared.NotFoundException("lesson " + lessonId));
        var language = lang == null || !CourseEditor.LANGUAGES.contains(lang)
                ? editing.course().language()
                : lang;
        var title = typed != null ? typed.title() : lesson.title().variants().getOrDefault(language, "");
        var body = typed != null
                ? typed.body()
                : lesson.body() == null ? "" : lesson.body().variants().getOrDefault(language, "");
        var minutes = typed != null ? typed.minutes() : lesson.minutes();
        return new ModelAndView("course/lesson")
                .addObject("editing", editing)
                .addObject("lessonId", lessonId)
                .addObject("lang", language)
                .addObject("languages", CourseEditor.LANGUAGES)
                .addObject("title", title)
                .addObject("minutes", minutes)
                .addObject("body", body)
                .addObject("previewHtml", editor.preview(body))
                .addObject("material", lesson.material())
                .addObject("isMaterial", org.sapere.course.LessonMaterial.KIND.equals(lesson.kind()))
                .addObject(
                        "contributed",
                        editor.contribution(lesson.kind())
                                .map(k -> new ContributedKind(
                                        k.nameKey(),
                                        k.manageKey(),
                                        k.editorPath(
                                                new org.sapere.course.CourseId(id),
                                                new org.sapere.course.LessonId(lessonId)),
                                        k.summaryPath(
                                                        new org.sapere.course.CourseId(id),
                                                        new org.sapere.course.LessonId(lessonId))
                                                .orElse(null)))
                                .orElse(null))
                .addObject(
                        "maxMegabytes",
                        org.springframework.util.unit.DataSize.ofBytes(materials.maxBytes())
                                .toMegabytes())
                .addObject("problems", new Problems(problems))
                .addObject("conflict", conflict);
    }

    private ModelAndView teach(SignedInUser user, List<Problem> problems, String title, String language) {
        var universities = editor.universitiesOf(user.accountId()).stream()
                .map(identity::organisation)
                .flatMap(java.util.Optional::stream)
                .toList();
        return new ModelAndView("course/teach")
                .addObject("courses", editor.coursesOf(user.accountId()))
                .addObject("universities", universities)
                .addObject("languages", CourseEditor.LANGUAGES)
                .addObject("problems", new Problems(problems))
                .addObject("title", title)
                .addObject("language", language);
    }

    private org.sapere.course.LessonKind kindOf(String kind) {
        return editor.kinds().stream()
                .filter(k -> k.value().equals(kind))
                .findFirst()
                .orElse(org.sapere.course.LessonKind.READING);
    }

    private static String langQuery(String lang) {
        return CourseEditor.LANGUAGES.contains(lang) ? "?text=" + lang : "";
    }

    private static String clip(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
