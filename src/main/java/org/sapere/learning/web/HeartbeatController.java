package org.sapere.learning.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.LessonId;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.LearnerProgress;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The player's heartbeats: a batch of steps every 10–15 seconds and when the learner pauses or leaves, and the
 * steps kept on the device while it was offline (readings marked complete). Each step carries an id chosen on the
 * device, so a batch sent again counts once.
 */
@RestController
class HeartbeatController {

    /** More steps than this in one batch are not a player's. */
    static final int MAX_STEPS = 100;

    static final Set<String> VERBS =
            Set.of("initialized", "progressed", "played", "paused", "seeked", "terminated", "completed");

    private final LearnerProgress progress;
    private final MessageSource messages;

    HeartbeatController(LearnerProgress progress, MessageSource messages) {
        this.progress = progress;
        this.messages = messages;
    }

    /**
     * A step as the player sends it: {@code {"id": "…", "lesson": "…", "verb": "paused", "at": 1764000000000,
     * "position": 12.5}}.
     */
    record StepJson(
            @Nullable String id,
            @Nullable String lesson,
            @Nullable String verb,
            @Nullable Long at,
            @Nullable Double position) {}

    record BatchJson(@Nullable List<StepJson> events) {}

    @PostMapping(path = "/learn/heartbeats", consumes = "application/json")
    ResponseEntity<?> record(@RequestBody BatchJson body, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        if (body.events() == null || body.events().isEmpty() || body.events().size() > MAX_STEPS) {
            return refuse("learning.heartbeat.batch", locale);
        }
        var batch = new ArrayList<LearnerProgress.Heartbeat>(body.events().size());
        for (var step : body.events()) {
            var parsed = parse(step);
            if (parsed == null) {
                return refuse("learning.heartbeat.step", locale);
            }
            batch.add(parsed);
        }
        var recorded = progress.record(user.accountId(), batch);
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(Map.of("accepted", recorded.accepted(), "refused", recorded.refused()));
    }

    private static LearnerProgress.@Nullable Heartbeat parse(@Nullable StepJson step) {
        if (step == null
                || step.id() == null
                || step.lesson() == null
                || step.verb() == null
                || !VERBS.contains(step.verb())
                || step.at() == null
                || step.at() < 0
                || step.at() > 100_000_000_000_000L) {
            return null;
        }
        if (step.position() != null
                && (!Double.isFinite(step.position()) || step.position() < 0 || step.position() > 1_000_000)) {
            return null;
        }
        try {
            return new LearnerProgress.Heartbeat(
                    UUID.fromString(step.id()),
                    new LessonId(UUID.fromString(step.lesson())),
                    step.verb(),
                    Instant.ofEpochMilli(step.at()),
                    step.position());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private ResponseEntity<?> refuse(String key, Locale locale) {
        return ResponseEntity.badRequest().body(Map.of("message", messages.getMessage(key, null, locale)));
    }
}
