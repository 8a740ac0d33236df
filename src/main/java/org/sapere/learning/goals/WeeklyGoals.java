package org.sapere.learning.goals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountErased;
import org.sapere.identity.AccountId;
import org.sapere.identity.Addressee;
import org.sapere.identity.IdentityDirectory;
import org.sapere.learning.goals.GoalSettings.Goal;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * A learner's weekly goal and streak: their choices, and this week's progress counted in their own time zone (the
 * week starts on Monday at midnight there).
 */
@Service
public class WeeklyGoals {

    private final LearnerSettings settings;
    private final Completions completions;
    private final CourseAuthoring courses;
    private final IdentityDirectory identity;
    private final Clock clock;

    WeeklyGoals(
            LearnerSettings settings,
            Completions completions,
            CourseAuthoring courses,
            IdentityDirectory identity,
            Optional<Clock> clock) {
        this.settings = settings;
        this.completions = completions;
        this.courses = courses;
        this.identity = identity;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public GoalSettings settings(AccountId learner) {
        return settings.find(learner.value()).orElse(GoalSettings.NONE);
    }

    public void save(AccountId learner, GoalSettings chosen) {
        settings.save(learner.value(), chosen);
    }

    /** The card for "My learning", as of now. */
    public GoalCard card(AccountId learner) {
        return card(learner, clock.instant());
    }

    GoalCard card(AccountId learner, Instant now) {
        var chosen = settings(learner);
        if (chosen.goal() == null && !chosen.streaks()) {
            return GoalCard.NONE;
        }
        var zone = zoneOf(learner);
        var today = LocalDate.ofInstant(now, zone);
        var done = chosen.goal() == null ? 0 : doneThisWeek(learner, chosen.goal(), today, zone);
        if (!chosen.streaks()) {
            return new GoalCard(chosen.goal(), done, false, 0, false);
        }
        var days = completions.days(learner.value(), zone);
        var streak = Week.streak(days, today);
        var includesToday = streak > 0 && days.contains(today);
        return new GoalCard(chosen.goal(), done, true, streak, includesToday);
    }

    private int doneThisWeek(AccountId learner, Goal goal, LocalDate today, ZoneId zone) {
        var monday = Week.mondayOf(today);
        var completed = completions.between(
                learner.value(),
                monday.atStartOfDay(zone).toInstant(),
                monday.plusWeeks(1).atStartOfDay(zone).toInstant());
        if (goal.kind() == GoalKind.LESSONS) {
            return completed.size();
        }
        // Minutes are the lessons' estimates in their course's current version; a lesson removed since counts 0.
        return completed.stream().collect(Collectors.groupingBy(Completions.Completed::course)).entrySet().stream()
                .mapToInt(e -> courses.outline(new CourseId(e.getKey()))
                        .map(course -> minutes(course, e.getValue()))
                        .orElse(0))
                .sum();
    }

    private static int minutes(CourseOutline course, List<Completions.Completed> lessons) {
        return lessons.stream()
                .mapToInt(l -> course.lesson(new LessonId(l.lesson()))
                        .map(CourseOutline.LessonOutline::minutes)
                        .orElse(0))
                .sum();
    }

    private ZoneId zoneOf(AccountId learner) {
        return Optional.ofNullable(identity.addressees(List.of(learner)).get(learner))
                .map(Addressee::timeZone)
                .map(Week::zone)
                .orElse(java.time.ZoneOffset.UTC);
    }

    /** A deleted account gets no more reminders; its choices go with it. */
    @ApplicationModuleListener
    void on(AccountErased erased) {
        settings.delete(erased.account().value());
    }
}
