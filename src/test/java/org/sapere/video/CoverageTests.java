package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sapere.video.domain.Coverage;
import org.sapere.video.domain.Coverage.Interval;

/** Watched intervals merge as a union, clip to the video, subtract what is known, and round-trip through SQL. */
class CoverageTests {

    @Test
    void intervalsMergeClipAndCountOnce() {
        var c = Coverage.of(
                List.of(
                        new Interval(10, 20),
                        new Interval(15, 25),
                        new Interval(-5, 3),
                        new Interval(95, 120),
                        new Interval(40, 30)),
                100);
        assertThat(c.intervals()).containsExactly(new Interval(0, 3), new Interval(10, 25), new Interval(95, 100));
        assertThat(c.seconds()).isEqualTo(23);
        assertThat(c.union(c).seconds()).isEqualTo(23);
    }

    @Test
    void whatIsNewIsWhatIsNotKnownAndABudgetTakesItInOrder() {
        var known = Coverage.of(List.of(new Interval(0, 10), new Interval(20, 30)), 100);
        var report = Coverage.of(List.of(new Interval(5, 40)), 100);
        var fresh = report.minus(known);
        assertThat(fresh.intervals()).containsExactly(new Interval(10, 20), new Interval(30, 40));
        assertThat(fresh.upTo(15).intervals()).containsExactly(new Interval(10, 20), new Interval(30, 35));
    }

    @Test
    void roundTripsThroughPostgresText() {
        var c = Coverage.of(List.of(new Interval(0, 10.5), new Interval(20, 30)), 100);
        assertThat(Coverage.fromSql(c.toSql())).isEqualTo(c);
        assertThat(Coverage.fromSql("{}")).isEqualTo(Coverage.NONE);
        assertThat(Coverage.fromSql("{[0,10.5),[20,30)}").seconds()).isEqualTo(20.5);
    }
}
