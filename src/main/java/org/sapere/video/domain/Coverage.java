package org.sapere.video.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Stretches of a video that were played, as sorted, non-overlapping intervals in seconds: merging reports is a union,
 * so a report sent twice counts once, and a seek to the end adds nothing but the seconds really played there.
 */
public record Coverage(List<Interval> intervals) {

    /** [start, end) in seconds. */
    public record Interval(double start, double end) {

        double length() {
            return end - start;
        }
    }

    public static final Coverage NONE = new Coverage(List.of());

    /** The union of the intervals, each clipped to [0, duration]; empty and reversed ones are dropped. */
    public static Coverage of(List<Interval> raw, double duration) {
        var clipped = new ArrayList<Interval>();
        for (var i : raw) {
            var start = Math.max(0, i.start());
            var end = Math.min(duration, i.end());
            if (end > start) {
                clipped.add(new Interval(start, end));
            }
        }
        clipped.sort(Comparator.comparingDouble(Interval::start));
        var merged = new ArrayList<Interval>();
        for (var i : clipped) {
            if (!merged.isEmpty() && i.start() <= merged.getLast().end()) {
                var last = merged.removeLast();
                merged.add(new Interval(last.start(), Math.max(last.end(), i.end())));
            } else {
                merged.add(i);
            }
        }
        return new Coverage(List.copyOf(merged));
    }

    public double seconds() {
        return intervals.stream().mapToDouble(Interval::length).sum();
    }

    public Coverage union(Coverage other) {
        var all = new ArrayList<>(intervals);
        all.addAll(other.intervals);
        return of(all, Double.MAX_VALUE);
    }

    /** What of this is not already in {@code known}. */
    public Coverage minus(Coverage known) {
        var result = new ArrayList<Interval>();
        for (var i : intervals) {
            var start = i.start();
            for (var k : known.intervals) {
                if (k.end() <= start || k.start() >= i.end()) {
                    continue;
                }
                if (k.start() > start) {
                    result.add(new Interval(start, k.start()));
                }
                start = Math.max(start, k.end());
            }
            if (start < i.end()) {
                result.add(new Interval(start, i.end()));
            }
        }
        return new Coverage(List.copyOf(result));
    }

    /** The first {@code seconds} of this coverage, in order: what a limited budget of wall-clock time can pay for. */
    public Coverage upTo(double seconds) {
        var result = new ArrayList<Interval>();
        var left = seconds;
        for (var i : intervals) {
            if (left <= 0) {
                break;
            }
            var take = Math.min(left, i.length());
            result.add(new Interval(i.start(), i.start() + take));
            left -= take;
        }
        return new Coverage(List.copyOf(result));
    }

    /** As a PostgreSQL {@code nummultirange} literal. */
    public String toSql() {
        var sql = new StringBuilder("{");
        for (var i : intervals) {
            if (sql.length() > 1) {
                sql.append(',');
            }
            sql.append(String.format(Locale.ROOT, "[%.3f,%.3f)", i.start(), i.end()));
        }
        return sql.append('}').toString();
    }

    /** Reads PostgreSQL's text form of a {@code nummultirange}, e.g. {@code {[0,10.5),[20,30)}}. */
    public static Coverage fromSql(String text) {
        var body = text.strip();
        if (body.length() < 2) {
            return NONE;
        }
        body = body.substring(1, body.length() - 1);
        if (body.isBlank()) {
            return NONE;
        }
        var list = new ArrayList<Interval>();
        for (var range : body.split("\\),")) {
            var clean = range.replace("[", "").replace(")", "").replace("(", "").replace("]", "");
            var parts = clean.split(",");
            list.add(new Interval(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        }
        return new Coverage(List.copyOf(list));
    }
}
