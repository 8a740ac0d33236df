package org.sapere.assessment.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Classical item analysis of a quiz's graded attempts: per item, its facility (mean share of its points earned), its
 * discrimination (the correlation between the item's score and the rest of the attempt's score: point-biserial for
 * right/wrong items), and how often each option was chosen. An item with negative discrimination — learners who do
 * well on the rest do worse on it — is flagged as probably broken (a wrong key, an ambiguous stem).
 */
@Service
public class ItemAnalysis {

    /** Fewer answers than this and an item is not flagged: the figures are noise. */
    public static final int MIN_ANSWERS = 5;

    private final JdbcClient jdbc;

    ItemAnalysis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param facility 0 to 1
     * @param discrimination -1 to 1, or null when it cannot be computed (fewer than 2 answers, or no spread)
     * @param choices option id → how many chose it (choice and true/false items)
     */
    public record ItemStats(
            UUID item,
            int answers,
            double facility,
            @Nullable Double discrimination,
            Map<String, Integer> choices,
            boolean flagged) {}

    private record Row(UUID attempt, UUID item, double fraction, double points, double total, List<String> chosen) {}

    /** The figures of every item asked in the quiz's graded attempts, in order of first appearance. */
    public List<ItemStats> of(UUID lesson) {
        var rows = jdbc.sql("""
                SELECT ai.attempt_id, ai.item_id, coalesce(ai.points, 0) AS points, ai.max_points, a.score,
                       ai.answer -> '' AS chosen
                FROM assessment.attempt_item ai JOIN assessment.attempt a ON a.id = ai.attempt_id
                WHERE a.lesson_id = :lesson AND a.state = 'GRADED'
                ORDER BY a.started_at, ai.position
                """)
                .param("lesson", lesson)
                .query((rs, n) -> {
                    var points = rs.getBigDecimal("points").doubleValue();
                    var max = rs.getBigDecimal("max_points").doubleValue();
                    var score = rs.getBigDecimal("score");
                    return new Row(
                            rs.getObject("attempt_id", UUID.class),
                            rs.getObject("item_id", UUID.class),
                            max == 0 ? 0 : points / max,
                            points,
                            score == null ? 0 : score.doubleValue(),
                            chosen(rs.getString("chosen")));
                })
                .list();
        var byItem = new LinkedHashMap<UUID, List<Row>>();
        for (var row : rows) {
            byItem.computeIfAbsent(row.item(), k -> new ArrayList<>()).add(row);
        }
        var stats = new ArrayList<ItemStats>();
        byItem.forEach((item, answers) -> {
            var facility = answers.stream().mapToDouble(Row::fraction).average().orElse(0);
            var discrimination = correlation(
                    answers.stream().mapToDouble(Row::fraction).toArray(),
                    answers.stream().mapToDouble(r -> r.total() - r.points()).toArray());
            var choices = new TreeMap<String, Integer>();
            for (var answer : answers) {
                for (var chosen : answer.chosen()) {
                    choices.merge(chosen, 1, Integer::sum);
                }
            }
            var flagged = answers.size() >= MIN_ANSWERS && discrimination != null && discrimination < 0;
            stats.add(new ItemStats(item, answers.size(), facility, discrimination, choices, flagged));
        });
        return stats;
    }

    /** Pearson's correlation, or null when either side has no spread. */
    static @Nullable Double correlation(double[] x, double[] y) {
        var n = x.length;
        if (n < 2) {
            return null;
        }
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx < 1e-12 || syy < 1e-12) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static List<String> chosen(@Nullable String json) {
        if (json == null) {
            return List.of();
        }
        var node = Attempts.JSON.readTree(json);
        var chosen = new ArrayList<String>();
        node.forEach(v -> chosen.add(v.asString()));
        return chosen;
    }
}
