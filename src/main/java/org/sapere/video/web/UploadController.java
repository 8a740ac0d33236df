package org.sapere.video.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.SignedInUser;
import org.sapere.video.domain.Uploads;
import org.sapere.video.domain.Uploads.UploadRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Resumable uploads of lesson videos over the tus 1.0.0 protocol (core, creation and termination): POST creates an
 * upload for a lesson ({@code Upload-Length}, {@code Upload-Metadata} with filename, course and lesson), HEAD says
 * how many bytes arrived, PATCH appends at that offset, DELETE gives up. Refusals answer JSON with a message in the
 * person's language.
 */
@Controller
class UploadController {

    private static final String TUS_VERSION = "1.0.0";

    private final Uploads uploads;
    private final CourseAuthoring courses;
    private final MessageSource messages;

    UploadController(Uploads uploads, CourseAuthoring courses, MessageSource messages) {
        this.uploads = uploads;
        this.courses = courses;
        this.messages = messages;
    }

    @RequestMapping(path = "/teach/uploads", method = RequestMethod.OPTIONS)
    void options(HttpServletResponse response) {
        response.setHeader("Tus-Resumable", TUS_VERSION);
        response.setHeader("Tus-Version", TUS_VERSION);
        response.setHeader("Tus-Extension", "creation,termination");
        response.setHeader("Tus-Max-Size", Long.toString(uploads.maxBytes()));
        response.setStatus(204);
    }

    @RequestMapping(path = "/teach/uploads", method = RequestMethod.POST)
    void create(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!tus(request, response)) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(String.valueOf(request.getHeader("Upload-Length")));
        } catch (NumberFormatException e) {
            refuse(request, response, 400, "video.upload.noLength", "");
            return;
        }
        var metadata = metadata(request.getHeader("Upload-Metadata"));
        CourseId course;
        LessonId lesson;
        try {
            course = new CourseId(UUID.fromString(metadata.getOrDefault("course", "")));
            lesson = new LessonId(UUID.fromString(metadata.getOrDefault("lesson", "")));
        } catch (IllegalArgumentException e) {
            refuse(request, response, 400, "video.upload.noLesson", "");
            return;
        }
        var draft = courses.draftLesson(course, lesson, user.accountId());
        if (!org.sapere.video.VideoLessons.KIND.equals(draft.kind())) {
            refuse(request, response, 400, "video.upload.noLesson", "");
            return;
        }
        var id = uploads.create(
                user.accountId().value(),
                course.value(),
                lesson.value(),
                metadata.getOrDefault("filename", "video"),
                length);
        response.setHeader("Location", "/teach/uploads/" + id);
        response.setStatus(201);
    }

    @RequestMapping(path = "/teach/uploads/{id}", method = RequestMethod.HEAD)
    void offset(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response) {
        response.setHeader("Tus-Resumable", TUS_VERSION);
        response.setHeader("Cache-Control", "no-store");
        var offset = uploads.offset(id, user.accountId().value());
        if (offset.isEmpty()) {
            response.setStatus(404);
            return;
        }
        response.setHeader("Upload-Offset", Long.toString(offset.get().offset()));
        response.setHeader("Upload-Length", Long.toString(offset.get().length()));
        response.setStatus(200);
    }

    @RequestMapping(path = "/teach/uploads/{id}", method = RequestMethod.PATCH)
    void append(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!tus(request, response)) {
            return;
        }
        if (!"application/offset+octet-stream".equals(request.getContentType())) {
            refuse(request, response, 415, "video.upload.contentType", "");
            return;
        }
        long offset;
        try {
            offset = Long.parseLong(String.valueOf(request.getHeader("Upload-Offset")));
        } catch (NumberFormatException e) {
            refuse(request, response, 400, "video.upload.offset", "");
            return;
        }
        var appended = uploads.append(id, user.accountId().value(), offset, request.getInputStream());
        response.setHeader("Upload-Offset", Long.toString(appended.offset()));
        appended.asset().ifPresent(asset -> response.setHeader("Sapere-Video", asset.toString()));
        response.setStatus(204);
    }

    @RequestMapping(path = "/teach/uploads/{id}", method = RequestMethod.DELETE)
    void cancel(
            @PathVariable UUID id,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            HttpServletResponse response) {
        response.setHeader("Tus-Resumable", TUS_VERSION);
        response.setStatus(uploads.cancel(id, user.accountId().value()) ? 204 : 404);
    }

    @ExceptionHandler(UploadRefusedException.class)
    void refused(UploadRefusedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        refuse(request, response, e.status(), e.messageKey(), e.argument());
    }

    @ExceptionHandler({AccessDeniedException.class, org.sapere.shared.NotFoundException.class})
    void notYours(RuntimeException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = e instanceof AccessDeniedException ? 403 : 404;
        refuse(request, response, status, status == 403 ? "video.upload.forbidden" : "video.upload.noLesson", "");
    }

    private boolean tus(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Tus-Resumable", TUS_VERSION);
        if (!TUS_VERSION.equals(request.getHeader("Tus-Resumable"))) {
            response.setHeader("Tus-Version", TUS_VERSION);
            refuse(request, response, 412, "video.upload.protocol", "");
            return false;
        }
        return true;
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String key, Object argument)
            throws IOException {
        Locale locale = RequestContextUtils.getLocale(request);
        var message = messages.getMessage(key, new Object[] {argument}, key, locale);
        response.setStatus(status);
        response.setHeader("Tus-Resumable", TUS_VERSION);
        response.setContentType("application/json;charset=utf-8");
        var json = "{\"message\":\"" + jsonEscape(message) + "\",\"code\":\"" + jsonEscape(key) + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    static String jsonEscape(String text) {
        var out = new StringBuilder();
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** tus metadata: comma-separated "key base64value" pairs. */
    static Map<String, String> metadata(String header) {
        var result = new HashMap<String, String>();
        if (header == null || header.length() > 4096) {
            return result;
        }
        for (var pair : header.split(",")) {
            var parts = pair.strip().split(" ", 2);
            if (parts.length == 2) {
                try {
                    result.put(
                            parts[0], new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ignored) {
                    // not base64: skipped
                }
            }
        }
        return result;
    }
}
