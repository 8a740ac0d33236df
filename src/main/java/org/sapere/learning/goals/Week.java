package org.sapere.learning.goals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** Calendar arithmetic for goals and streaks: ISO weeks (from Monday) and days in a row. */
final class Week {

    private Week() {}

    /** The Monday of the ISO week of the day. */
    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The learner's zone, or UTC when it is unknown or not a zone Java knows. */
    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    /**
     * How many days in a row, ending today or yesterday, have a completion; 0 if neither has one.
     *
     * @param days distinct days, latest first
     */
    static int streak(List<LocalDate> days, LocalDate today) {
        // A day after today (a completion seen from a zone ahead) neither starts nor breaks a streak.
        var past = days.stream().filter(d -> !d.isAfter(today)).toList();
        if (past.isEmpty()) {
            return 0;
        }
        var expected = past.getFirst().equals(today) ? today : today.minusDays(1);
        var count = 0;
        for (var day : past) {
            if (!day.equals(expected)) {
                break;
            }
            count++;
            expected = expected.minusDays(1);
        }
        return count;
    }
}
