package org.sapere.video.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sapere.course.LessonId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.sapere.video.VideoLessons;
import org.sapere.video.domain.Coverage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The player's reports (every ~10 s while playing, and on pause, seek and leaving): where it is and which intervals
 * were played. The answer says where the server has the learner and whether the lesson is complete.
 */
@RestController
class ViewingController {

    /** More intervals than this in one report are not a player's. */
    static final int MAX_INTERVALS = 200;

    private final VideoLessons videos;

    ViewingController(VideoLessons videos) {
        this.videos = videos;
    }

    /** The report's JSON: {@code {"position": 12.5, "at": 1764000000000, "played": [[0, 12.5]]}}. */
    record ReportJson(Double position, Long at, List<List<Double>> played) {}

    @PostMapping(path = "/learn/video/{lessonId}/progress", consumes = "application/json")
    ResponseEntity<?> report(
            @PathVariable("lessonId") UUID lesson,
            @RequestBody ReportJson body,
            @AuthenticationPrincipal SignedInUser user) {
        if (body.position() == null
                || !Double.isFinite(body.position())
                || body.position() < 0
                || body.at() == null
                || Math.abs(body.at()) > 100_000_000_000_000L
                || body.played() == null
                || body.played().size() > MAX_INTERVALS) {
            return ResponseEntity.badRequest().body(Map.of("message", "A report needs position, at and played."));
        }
        var played = new ArrayList<Coverage.Interval>();
        for (var pair : body.played()) {
            if (pair == null
                    || pair.size() != 2
                    || pair.get(0) == null
                    || pair.get(1) == null
                    || !Double.isFinite(pair.get(0))
                    || !Double.isFinite(pair.get(1))) {
                return ResponseEntity.badRequest().body(Map.of("message", "Each played interval is [start, end]."));
            }
            played.add(new Coverage.Interval(pair.get(0), pair.get(1)));
        }
        var progress = videos.report(
                user.accountId(),
                new LessonId(lesson),
                new VideoLessons.Report(body.position(), Instant.ofEpochMilli(body.at()), played));
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(progress);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<?> notFound() {
        return ResponseEntity.status(404).body(Map.of("message", "This lesson has no video."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<?> notEnrolled() {
        return ResponseEntity.status(403).body(Map.of("message", "Enrol in the course first."));
    }
}
