package org.sapere.video.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.video.VideoCaptionsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves and removes a lesson's captions, and tells the catalogue (their words are searchable). */
@Service
public class CaptionEditor {

    private final VideoAssets assets;
    private final ApplicationEventPublisher events;

    CaptionEditor(VideoAssets assets, ApplicationEventPublisher events) {
        this.assets = assets;
        this.events = events;
    }

    @Transactional
    public void save(UUID course, UUID lesson, String language, List<Captions.Cue> cues, Instant now) {
        assets.saveCaption(lesson, language, Captions.toVtt(cues), Captions.transcript(cues), now);
        events.publishEvent(new VideoCaptionsChanged(new CourseId(course)));
    }

    @Transactional
    public boolean delete(UUID course, UUID lesson, String language) {
        var deleted = assets.deleteCaption(lesson, language);
        if (deleted) {
            events.publishEvent(new VideoCaptionsChanged(new CourseId(course)));
        }
        return deleted;
    }
}
