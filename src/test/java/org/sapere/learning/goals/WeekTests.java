package org.sapere.learning.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ISO weeks, streaks and the goal form's limits, without a database. */
class WeekTests {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);

    @Test
    void aWeekStartsOnMonday() {
        assertThat(Week.mondayOf(WEDNESDAY)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Week.mondayOf(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Week.mondayOf(LocalDate.of(2026, 3, 8))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aStreakCountsDaysInARowEndingTodayOrYesterday() {
        var days = List.of(WEDNESDAY, WEDNESDAY.minusDays(1), WEDNESDAY.minusDays(2), WEDNESDAY.minusDays(4));
        assertThat(Week.streak(days, WEDNESDAY)).isEqualTo(3);
        // Nothing yet today: the streak still stands until the day is over.
        assertThat(Week.streak(days, WEDNESDAY.plusDays(1))).isEqualTo(3);
        // A whole day without a lesson breaks it.
        assertThat(Week.streak(days, WEDNESDAY.plusDays(2))).isZero();
        assertThat(Week.streak(List.of(), WEDNESDAY)).isZero();
        assertThat(Week.streak(List.of(WEDNESDAY), WEDNESDAY)).isEqualTo(1);
    }

    @Test
    void aDayAheadOfTodayNeitherStartsNorBreaksAStreak() {
        var days = List.of(WEDNESDAY.plusDays(1), WEDNESDAY, WEDNESDAY.minusDays(1));
        assertThat(Week.streak(days, WEDNESDAY)).isEqualTo(2);
    }

    @Test
    void anUnknownZoneIsUtc() {
        assertThat(Week.zone("Mars/Olympus_Mons")).isEqualTo(ZoneOffset.UTC);
        assertThat(Week.zone("")).isEqualTo(ZoneOffset.UTC);
        assertThat(Week.zone("Europe/Stockholm")).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void theFormKeepsTargetsWithinSaneLimits() {
        assertThat(new GoalForm("MINUTES", "60", false, false).problems()).isEmpty();
        assertThat(new GoalForm("MINUTES", "4", false, false).problems()).containsEntry("target", "goal.error.minutes");
        assertThat(new GoalForm("MINUTES", "1001", false, false).problems()).containsKey("target");
        assertThat(new GoalForm("LESSONS", "50", false, false).problems()).isEmpty();
        assertThat(new GoalForm("LESSONS", "51", false, false).problems())
                .containsEntry("target", "goal.error.lessons");
        assertThat(new GoalForm("LESSONS", "0", false, false).problems()).containsKey("target");
        assertThat(new GoalForm("LESSONS", "-3", false, false).problems()).containsKey("target");
        assertThat(new GoalForm("LESSONS", "99999999999", false, false).problems())
                .containsKey("target");
        assertThat(new GoalForm("LESSONS", "three", false, false).problems()).containsKey("target");
        assertThat(new GoalForm("HOURS", "3", false, false).problems()).containsEntry("kind", "goal.error.kind");
        // No goal needs no target, and streaks and reminders work without one.
        var none = new GoalForm("NONE", "", true, true);
        assertThat(none.problems()).isEmpty();
        assertThat(none.settings()).isEqualTo(new GoalSettings(null, true, true));
        assertThat(new GoalForm("LESSONS", " 3 ", false, true).settings().goal())
                .isEqualTo(new GoalSettings.Goal(GoalKind.LESSONS, 3));
    }
}
