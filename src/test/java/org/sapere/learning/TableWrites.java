package org.sapere.learning;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL's statistics say was written: rows inserted, updated and deleted per table, and transactions
 * committed. A backend reports its counts at most once a second and, once idle, within ten seconds, so a reading
 * taken 11 s after the load has stopped holds all of it (and one taken just before a phase may miss the last second
 * of the one before: a few per cent of a 30-second phase).
 */
final class TableWrites {

    private final JdbcClient jdbc;

    TableWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Reading(long commits, Map<String, long[]> tables) {}

    Reading now() {
        var commits = jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class)
                .single();
        var tables = new HashMap<String, long[]>();
        jdbc.sql("SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables")
                .query(rs -> {
                    tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return new Reading(commits, tables);
    }

    /**
     * Per request since {@code before}: "N commits; table +inserted ~updated -deleted, …" for the tables written,
     * most rows first.
     */
    static String perRequest(Reading before, Reading after, long requests) {
        var tables = after.tables().entrySet().stream()
                .map(e -> {
                    var was = before.tables().getOrDefault(e.getKey(), new long[3]);
                    var now = e.getValue();
                    return Map.entry(e.getKey(), new double[] {
                        (now[0] - was[0]) / (double) requests,
                        (now[1] - was[1]) / (double) requests,
                        (now[2] - was[2]) / (double) requests
                    });
                })
                .filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] >= 0.005)
                .sorted((a, b) -> Double.compare(sum(b.getValue()), sum(a.getValue())))
                .map(e ->
                        "%s +%.2f ~%.2f -%.2f".formatted(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .collect(Collectors.joining(", "));
        return "%.2f commits; rows (+inserted ~updated -deleted): %s"
                .formatted((after.commits() - before.commits()) / (double) requests, tables);
    }

    private static double sum(double[] rows) {
        return rows[0] + rows[1] + rows[2];
    }
}
