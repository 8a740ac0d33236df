package org.sapere.learning.goals;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminder sweep every {@code sapere.learning.reminders.sweep} (default one hour; the first a minute after
 * start) unless {@code sapere.learning.reminders.enabled} is false. Tests call {@link WeeklyReminders#sweep()}.
 */
@Component
@ConditionalOnProperty(name = "sapere.learning.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {

    private final WeeklyReminders reminders;

    ReminderSchedule(WeeklyReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(
            fixedDelayString = "${sapere.learning.reminders.sweep:1h}",
            // Soon after a start, so that frequent restarts (deployments) never keep the sweep from running.
            initialDelayString = "PT1M")
    void sweep() {
        reminders.sweep();
    }
}
