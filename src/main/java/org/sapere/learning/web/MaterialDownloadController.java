package org.sapere.learning.web;

import java.util.UUID;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.NotEnrolledException;
import org.sapere.shared.NotFoundException;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageKey;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A material lesson's file, for enrolled learners: streamed from storage as an attachment, with its detected type,
 * no sniffing and a sandboxing content policy (a PDF or image must never run as a page of this site).
 */
@Controller
class MaterialDownloadController {

    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final MediaStorage storage;
    private final org.sapere.learning.LearnerProgress progress;

    MaterialDownloadController(
            CourseAuthoring courses,
            Registrar registrar,
            MediaStorage storage,
            org.sapere.learning.LearnerProgress progress) {
        this.progress = progress;
        this.courses = courses;
        this.registrar = registrar;
        this.storage = storage;
    }

    @GetMapping("/learn/courses/{slug}/lessons/{lessonId}/file")
    ResponseEntity<StreamingResponseBody> download(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @org.springframework.web.bind.annotation.RequestHeader(
                            name = LearningController.OFFLINE_COPY,
                            required = false)
                    String offlineCopy,
            @AuthenticationPrincipal SignedInUser user) {
        var course = courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
        if (!registrar.isEnrolled(user.accountId(), course.id())) {
            throw new NotEnrolledException(slug);
        }
        var material = course.lesson(lessonId)
                .flatMap(l -> l.material())
                .orElseThrow(() -> new NotFoundException("file of lesson " + lessonId));
        var content = storage.open(StorageKey.of(material.key()));
        // A material lesson is complete once its file is downloaded (by the learner, not for offline reading).
        if (offlineCopy == null) progress.complete(user.accountId(), course, new org.sapere.course.LessonId(lessonId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(material.contentType()))
                .contentLength(content.length())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(material.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(out -> {
                    try (content) {
                        content.stream().transferTo(out);
                    }
                });
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NotEnrolledException.class)
    String notEnrolled(NotEnrolledException e, org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        flash.addFlashAttribute("notice", "learning.enrolFirst");
        return "redirect:/courses/" + e.courseSlug();
    }
}
