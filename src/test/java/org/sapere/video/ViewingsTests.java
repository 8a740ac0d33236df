package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.video.domain.Coverage.Interval;
import org.sapere.video.domain.Viewings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What counts as watched: a report sent twice counts once; seconds claimed faster than twice real time since the
 * page was opened are cut; a late report of an earlier moment never moves the resume point back; completion comes
 * once, when the really watched share reaches the lesson's.
 */
@Tag("db")
@SpringBootTest
class ViewingsTests {

    @Autowired
    Viewings viewings;

    @Autowired
    TransactionTemplate tx;

    private final UUID learner = UUID.randomUUID();
    private final UUID lesson = UUID.randomUUID();
    private final UUID course = UUID.randomUUID();
    private final UUID asset = UUID.randomUUID();
    private final Instant t0 = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void reportsMergeAreCappedByWallClockAndKeepTheLatestPosition() {
        tx.executeWithoutResult(s -> viewings.opened(learner, lesson, course, asset, t0));

        var first = report(10, 10, List.of(new Interval(0, 10)), 10);
        assertThat(first.watchedSeconds()).isEqualTo(10);
        assertThat(first.capped()).isFalse();
        var again = report(10, 10, List.of(new Interval(0, 10)), 11);
        assertThat(again.watchedSeconds()).as("the same report again").isEqualTo(10);

        // Claiming the whole 300 s video two seconds later: only what time allows (2x speed + 5 s slack) counts.
        var greedy = report(300, 13, List.of(new Interval(10, 300)), 13);
        assertThat(greedy.capped()).isTrue();
        assertThat(greedy.watchedSeconds()).isLessThan(40);
        assertThat(greedy.completedNow()).isFalse();

        // A report of an earlier moment arriving late does not move the resume point back.
        var late = report(5, 9, List.of(), 14);
        assertThat(late.position()).isEqualTo(300);

        // Watching on, in real time, completes at 90 %.
        var watched = greedy.watchedSeconds();
        var now = 14;
        while (watched < 270) {
            now += 10;
            var from = watched;
            var outcome = report(from + 10, now, List.of(new Interval(from, from + 10)), now);
            assertThat(outcome.capped()).isFalse();
            watched = outcome.watchedSeconds();
            if (watched >= 270) {
                assertThat(outcome.completedNow()).isTrue();
            }
        }
        var after = report(watched, now + 1, List.of(new Interval(0, 1)), now + 1);
        assertThat(after.completedNow()).as("completion is reported once").isFalse();
        assertThat(after.completed()).as("but the lesson stays complete").isTrue();
        assertThat(first.completed()).isFalse();
    }

    private Viewings.Outcome report(double position, int atSecond, List<Interval> played, int nowSecond) {
        return tx.execute(s -> viewings.report(
                learner,
                lesson,
                course,
                asset,
                300,
                270,
                position,
                t0.plusSeconds(atSecond),
                played,
                t0.plusSeconds(nowSecond)));
    }
}
