package org.sapere.learning.goals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.sapere.identity.AccountId;
import org.sapere.identity.Addressee;
import org.sapere.identity.IdentityDirectory;
import org.sapere.learning.LearnerProgress;
import org.sapere.learning.WeeklyReminderDue;
import org.sapere.learning.goals.LearnerSettings.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly reminder e-mail: once per ISO week, every learner who asked for it and has an unfinished course is told
 * where they stopped ({@link WeeklyReminderDue}; the notification module writes the mail). Weeks are counted in UTC
 * here, so that every instance agrees on which week it is.
 */
@Service
public class WeeklyReminders {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReminders.class);
    private static final int BATCH = 100;

    private final LearnerSettings settings;
    private final LearnerProgress progress;
    private final IdentityDirectory identity;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WeeklyReminders(
            LearnerSettings settings,
            LearnerProgress progress,
            IdentityDirectory identity,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Optional<Clock> clock) {
        this.settings = settings;
        this.progress = progress;
        this.identity = identity;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Sends this week's reminders that are still due; returns how many. Safe to run on several instances at once and
     * as often as wished: a learner is claimed for a week once, and the claim commits with the event, which the
     * event publication registry then delivers even across a crash.
     */
    public int sweep() {
        var week = Week.mondayOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        var sent = 0;
        while (true) {
            var batch = transactions.execute(status -> remindSome(week));
            if (batch == null || batch.claimed() == 0) {
                return sent;
            }
            sent += batch.sent();
        }
    }

    private record Batch(int claimed, int sent) {}

    private Batch remindSome(LocalDate week) {
        var claims = settings.claimDue(week, BATCH);
        var people = identity.addressees(
                claims.stream().map(c -> new AccountId(c.account())).toList());
        var sent = 0;
        for (var claim : claims) {
            var person = people.get(new AccountId(claim.account()));
            if (person == null || !person.reachable()) {
                continue;
            }
            try {
                var due = reminder(person, claim);
                if (due.isPresent()) {
                    events.publishEvent(due.get());
                    sent++;
                }
            } catch (RuntimeException e) {
                // One learner's broken course must not hold up everyone else's reminder; theirs waits a week.
                log.warn("No weekly reminder for {} this week", claim.account(), e);
            }
        }
        return new Batch(claims.size(), sent);
    }

    /** Where the learner stopped in the course they worked in last; empty if every course is finished. */
    private Optional<WeeklyReminderDue> reminder(Addressee person, Claim claim) {
        var locale = Locale.of(person.language());
        return progress.dashboard(person.id())
                .continueWith()
                .map(point -> new WeeklyReminderDue(
                        person.id(),
                        person.email(),
                        person.displayName(),
                        person.language(),
                        point.course().course().title().in(locale),
                        point.lesson().title().in(locale),
                        "/learn/courses/" + point.course().course().slug() + "/lessons/"
                                + point.lesson().id(),
                        point.course().minutesLeft(),
                        claim.token()));
    }
}
