package org.sapere.catalog.domain;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the listed words most similar to misspelt ones ("managment" → "management") with pg_trgm. Where the
 * extension is missing, it finds none and search goes on without typo tolerance.
 */
@Component
class SimilarWords {

    private static final Logger log = LoggerFactory.getLogger(SimilarWords.class);
    private static final double MIN_SIMILARITY = 0.45;

    private final JdbcClient jdbc;
    private volatile String statement = "";

    SimilarWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A SELECT of (kind 'similar', asked, value) rows: for each of the words bound as {@code :words} that is not
     * itself a listed word, the most similar listed words, best first, at most three; with its parameters bound by
     * {@link #bind}. Empty when pg_trgm is missing.
     */
    String select() {
        return statement();
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<String> words) {
        return spec.param("words", words.toArray(String[]::new)).param("min", MIN_SIMILARITY);
    }

    private String statement() {
        if (statement.isEmpty()) {
            var schema = jdbc.sql("""
                    SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                    WHERE e.extname = 'pg_trgm'""").query(String.class).optional();
            if (schema.isEmpty()) {
                log.warn("pg_trgm is not installed: catalogue search runs without typo tolerance");
                statement = " ";
            } else {
                // The schema name comes from the catalog, quoted as an identifier.
                var ops = "\"" + schema.get().replace("\"", "\"\"") + "\"";
                statement = """
                        SELECT 'similar' AS kind, w.word AS asked, s.word AS value
                        FROM unnest(CAST(:words AS text[])) AS w(word)
                        CROSS JOIN LATERAL (
                            SELECT sw.word FROM catalog.search_word sw
                            WHERE sw.word OPERATOR(%1$s.%%) w.word AND %1$s.similarity(sw.word, w.word) >= :min
                            ORDER BY sw.word OPERATOR(%1$s.<->) w.word LIMIT 3) s
                        WHERE NOT EXISTS (SELECT 1 FROM catalog.search_word x WHERE x.word = w.word)""".formatted(ops);
            }
        }
        return statement.isBlank() ? "" : statement;
    }
}
