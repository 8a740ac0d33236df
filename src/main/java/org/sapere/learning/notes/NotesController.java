package org.sapere.learning.notes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.NotEnrolledException;
import org.sapere.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notes and bookmarks: the panel's forms (they work without script), the idempotent {@code PUT} the panel's script
 * saves through, the page of all notes and its Markdown download. The service checks the enrolment each time.
 */
@Controller
class NotesController {

    private final LessonNotes notes;
    private final NotesMarkdown markdown;
    private final MessageSource messages;

    NotesController(LessonNotes notes, NotesMarkdown markdown, MessageSource messages) {
        this.notes = notes;
        this.markdown = markdown;
        this.messages = messages;
    }

    @PostMapping("/learn/courses/{slug}/lessons/{lessonId}/notes")
    String add(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @RequestParam(required = false) @Nullable String id,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String videoSecond,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        try {
            var place = notes.add(user.accountId(), slug, lessonId, noteId(id), body, videoSecond);
            flash.addFlashAttribute("notice", "notes.saved");
            return "redirect:" + place.url() + "#notes";
        } catch (InvalidNoteException e) {
            return refused(e, slug, lessonId, flash);
        }
    }

    @PostMapping("/learn/courses/{slug}/lessons/{lessonId}/notes/{noteId}")
    String edit(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @PathVariable UUID noteId,
            @RequestParam(required = false) @Nullable String body,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        try {
            var place = notes.edit(user.accountId(), slug, lessonId, noteId, body);
            flash.addFlashAttribute("notice", "notes.updated");
            return "redirect:" + place.url() + "#note-" + noteId;
        } catch (InvalidNoteException e) {
            return refused(e, slug, lessonId, flash);
        }
    }

    @PostMapping("/learn/courses/{slug}/lessons/{lessonId}/notes/{noteId}/delete")
    String delete(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @PathVariable UUID noteId,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var place = notes.delete(user.accountId(), slug, lessonId, noteId);
        flash.addFlashAttribute("notice", "notes.deleted");
        return "redirect:" + place.url() + "#notes";
    }

    @PostMapping("/learn/courses/{slug}/lessons/{lessonId}/bookmark")
    String bookmark(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @RequestParam boolean bookmarked,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var place = notes.bookmark(user.accountId(), slug, lessonId, bookmarked);
        flash.addFlashAttribute("notice", bookmarked ? "notes.bookmarkAdded" : "notes.bookmarkRemoved");
        return "redirect:" + place.url() + "#notes";
    }

    /** The script's note: {@code {"lesson": "<uuid>", "body": "…", "videoSecond": 192.4}} under the browser's id. */
    record NoteJson(
            @Nullable String lesson,
            @Nullable String body,
            @Nullable Double videoSecond) {}

    @PutMapping("/learn/notes/{noteId}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> put(
            @PathVariable String noteId,
            @RequestBody NoteJson json,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        var id = uuid(noteId);
        var lesson = json.lesson() == null ? null : uuid(json.lesson());
        if (id == null || lesson == null) {
            return problem(HttpStatus.BAD_REQUEST, "notes.problem.badRequest", locale);
        }
        try {
            var saved = notes.put(user.accountId(), id, lesson, json.body(), json.videoSecond());
            var note = saved.note();
            var answer = new LinkedHashMap<String, Object>();
            answer.put("id", note.id());
            answer.put("lesson", note.lesson());
            answer.put("body", note.body());
            answer.put("videoSecond", note.videoSecond());
            answer.put("clock", note.videoSecond() == null ? null : note.clock());
            answer.put("createdAt", note.createdAt().toString());
            answer.put("updatedAt", note.updatedAt().toString());
            answer.put("message", t(saved.created() ? "notes.saved" : "notes.updated", locale));
            return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .header("Cache-Control", "no-store")
                    .body(answer);
        } catch (InvalidNoteException e) {
            return problem(HttpStatus.BAD_REQUEST, e.messageKey(), locale);
        } catch (NotFoundException e) {
            return problem(HttpStatus.NOT_FOUND, "notes.problem.unknownLesson", locale);
        } catch (NoteConflictException e) {
            return problem(HttpStatus.CONFLICT, "notes.problem.conflict", locale);
        }
    }

    @GetMapping("/learn/notes")
    ModelAndView page(
            @RequestParam(required = false) @Nullable String course, @AuthenticationPrincipal SignedInUser user) {
        return new ModelAndView("learning/notes").addObject("overview", notes.overview(user.accountId(), course));
    }

    @GetMapping("/learn/notes.md")
    ResponseEntity<byte[]> download(
            @RequestParam(required = false) @Nullable String course,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        var document = markdown.write(notes.overview(user.accountId(), course), Instant.now(), locale);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("sapere-notes.md")
                                .build()
                                .toString())
                .header("Cache-Control", "no-store")
                .body(document.getBytes(StandardCharsets.UTF_8));
    }

    @ExceptionHandler(NotEnrolledException.class)
    String notEnrolled(NotEnrolledException e, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", "learning.enrolFirst");
        return "redirect:/courses/" + e.courseSlug();
    }

    @ExceptionHandler(NoteConflictException.class)
    ResponseEntity<String> conflict(Locale locale) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(t("notes.problem.conflict", locale));
    }

    /** A body that is not the JSON of a note (or no JSON at all). */
    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    @ResponseBody
    ResponseEntity<Map<String, Object>> unreadable(Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "notes.problem.badRequest", locale);
    }

    /** The lesson again, with the reason at the top of the page where it is seen. */
    private static String refused(InvalidNoteException e, String slug, UUID lessonId, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", e.messageKey());
        return "redirect:/learn/courses/" + slug + "/lessons/" + lessonId;
    }

    private ResponseEntity<Map<String, Object>> problem(HttpStatus status, String key, Locale locale) {
        return ResponseEntity.status(status)
                .header("Cache-Control", "no-store")
                .body(Map.of("message", t(key, locale)));
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static UUID noteId(@Nullable String id) {
        var parsed = id == null ? null : uuid(id);
        return parsed == null ? UUID.randomUUID() : parsed;
    }

    private static @Nullable UUID uuid(String text) {
        try {
            var id = UUID.fromString(text);
            // UUID.fromString accepts shortened forms ("1-2-3-4-5"); a browser's id is always the full 36.
            return text.length() == 36 ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
