package org.sapere.learning;

import java.util.UUID;
import org.sapere.identity.AccountId;

/**
 * A learner who asked for the weekly reminder is due one this week: where they stopped in an unfinished course and
 * how to get back there. Texts are in the learner's language; {@code lessonPath} is relative to the site (e.g.
 * {@code /learn/courses/{slug}/lessons/{id}}); {@code unsubscribeToken} makes the one-click unsubscribe link.
 */
public record WeeklyReminderDue(
        AccountId learner,
        String email,
        String displayName,
        String language,
        String courseTitle,
        String lessonTitle,
        String lessonPath,
        int minutesLeft,
        UUID unsubscribeToken) {}
