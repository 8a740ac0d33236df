package org.sapere.catalog.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.catalog.CatalogEntry;
import org.sapere.catalog.CatalogHit;
import org.sapere.catalog.CatalogPage;
import org.sapere.catalog.CatalogPage.Count;
import org.sapere.catalog.CatalogQuery;
import org.sapere.catalog.Snippet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Searches the listing: full text in the reader's language, in each course's own language and in 'simple' (exact
 * words), plus prefixes and words corrected by trigram similarity; ranked so that title and subject matches come
 * first; facet counts of the whole result; highlighted passages for the page shown. See docs/catalogue.md.
 */
@Repository
public class ListingSearch {

    /** The stemming configuration of each interface and course language. */
    private static final Map<String, String> CONFIGS =
            Map.of("en", "english", "it", "italian", "de", "german", "nl", "dutch", "sv", "swedish");

    private static final String COLUMNS = """
            course_id, slug, title, summary, university_slug, university, subjects, level, language, minutes,
            lessons, professors, listed_at, enrolments""";

    private final JdbcClient jdbc;
    private final SimilarWords similarWords;
    private final TransactionTemplate transactions;

    ListingSearch(JdbcClient jdbc, SimilarWords similarWords, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.similarWords = similarWords;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setReadOnly(true);
    }

    public CatalogPage find(CatalogQuery query, Locale reader, int pageSize) {
        return inIndexFirstTransaction(query, () -> findNow(query, reader, pageSize));
    }

    /**
     * Text searches read the GIN index. The planner would often scan the table instead, because it does not count
     * the cost of reading every course's (large, out-of-line) vector, which the index avoids: measured in
     * docs/catalogue.md.
     */
    private <T> T inIndexFirstTransaction(CatalogQuery query, java.util.function.Supplier<T> work) {
        // The setting itself is made by prepare(), in the same round trip as the query's forms.
        return java.util.Objects.requireNonNull(transactions.execute(status -> work.get()));
    }

    private CatalogPage findNow(CatalogQuery query, Locale reader, int pageSize) {
        var sql = new Sql(query, reader);
        if (sql.nothing) {
            return new CatalogPage(List.of(), 0, query.page(), pageSize, CatalogPage.Facets.NONE);
        }
        var facets = facets(sql);
        var total = facets.remove("total").stream().mapToLong(Count::count).sum();
        var hits = page(sql, query, pageSize);
        return new CatalogPage(
                hits,
                total,
                query.page(),
                pageSize,
                new CatalogPage.Facets(
                        facets.getOrDefault("subject", List.of()),
                        facets.getOrDefault("university", List.of()),
                        facets.getOrDefault("language", List.of()),
                        facets.getOrDefault("level", List.of()),
                        facets.getOrDefault("effort", List.of())));
    }

    /**
     * The plans of both statements for a query, as EXPLAIN (ANALYZE, BUFFERS) prints them: for the benchmark and
     * docs/catalogue.md.
     */
    public String explain(CatalogQuery query, Locale reader, int pageSize) {
        return inIndexFirstTransaction(query, () -> explainNow(query, reader, pageSize));
    }

    private String explainNow(CatalogQuery query, Locale reader, int pageSize) {
        var sql = new Sql(query, reader);
        var plans = new StringBuilder();
        for (var statement : List.of(facetStatement(sql), pageStatement(sql, query))) {
            plans.append(String.join(
                            "\n",
                            pageParams(sql.bind(jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement)), query, pageSize)
                                    .query(String.class)
                                    .list()))
                    .append("\n\n");
        }
        return plans.toString();
    }

    private Map<String, List<Count>> facets(Sql sql) {
        var result = new LinkedHashMap<String, List<Count>>();
        sql.bind(jdbc.sql(facetStatement(sql)))
                .query((rs, n) -> result.computeIfAbsent(rs.getString("facet"), k -> new ArrayList<>())
                        .add(new Count(rs.getString("value"), rs.getLong("n"))))
                .list();
        result.computeIfAbsent("total", k -> new ArrayList<>());
        return result;
    }

    /**
     * One pass over the hits: they are first counted per combination of facet values (a few hundred at most),
     * then each facet sums the combinations that pass the other facets' filters.
     */
    private String facetStatement(Sql sql) {
        var f = sql.filters;
        return """
                WITH hits AS MATERIALIZED (
                    SELECT subjects, university_slug, language, level, effort, %s AS s_ok, %s AS u_ok, %s AS l_ok,
                           %s AS v_ok, %s AS e_ok, count(*) AS n
                    FROM catalog.course_listing WHERE %s GROUP BY 1, 2, 3, 4, 5)
                SELECT 'subject' AS facet, s AS value, sum(n) AS n FROM hits, unnest(subjects) s
                    WHERE u_ok AND l_ok AND v_ok AND e_ok GROUP BY s
                UNION ALL SELECT 'university', university_slug, sum(n) FROM hits
                    WHERE s_ok AND l_ok AND v_ok AND e_ok GROUP BY university_slug
                UNION ALL SELECT 'language', language, sum(n) FROM hits
                    WHERE s_ok AND u_ok AND v_ok AND e_ok GROUP BY language
                UNION ALL SELECT 'level', level, sum(n) FROM hits
                    WHERE s_ok AND u_ok AND l_ok AND e_ok GROUP BY level
                UNION ALL SELECT 'effort', effort, sum(n) FROM hits
                    WHERE s_ok AND u_ok AND l_ok AND v_ok GROUP BY effort
                UNION ALL SELECT 'total', '', coalesce(sum(n), 0) FROM hits WHERE s_ok AND u_ok AND l_ok AND v_ok AND e_ok
                ORDER BY 1, 3 DESC, 2""".formatted(
                f.get("subject"), f.get("university"), f.get("language"), f.get("level"), f.get("effort"), sql.match);
    }

    private List<CatalogHit> page(Sql sql, CatalogQuery query, int pageSize) {
        return pageParams(sql.bind(jdbc.sql(pageStatement(sql, query))), query, pageSize)
                .query((rs, n) -> hit(rs))
                .list();
    }

    private static JdbcClient.StatementSpec pageParams(
            JdbcClient.StatementSpec spec, CatalogQuery query, int pageSize) {
        var selectors = "StartSel=" + Snippet.START + ", StopSel=" + Snippet.STOP;
        return spec.param("limit", pageSize)
                .param("offset", (long) (query.page() - 1) * pageSize)
                .param("marks", "" + Snippet.START + Snippet.STOP)
                // Cards show the whole summary (it is short), with every matched word marked.
                .param("options", selectors + ", HighlightAll=true")
                .param("titleOptions", selectors + ", HighlightAll=true");
    }

    private String pageStatement(Sql sql, CatalogQuery query) {
        var order = switch (query.sort()) {
            case NEWEST -> "listed_at DESC, course_id";
            case POPULAR -> "enrolments DESC, listed_at DESC, course_id";
            case RELEVANCE ->
                sql.text ? "rank DESC, enrolments DESC, course_id" : "enrolments DESC, listed_at DESC, course_id";
        };
        var headline = sql.text
                ? """
                  ts_headline(catalog.search_config(p.language), translate(p.summary, :marks, ''), %s, :options) AS snippet,
                  ts_headline(catalog.search_config(p.language), translate(p.title, :marks, ''), %s, :titleOptions) AS title_marked""".formatted(sql.headlineQuery, sql.headlineQuery)
                : "NULL AS snippet, NULL AS title_marked";
        return """
                SELECT p.*, %s FROM (
                    SELECT %s, %s AS rank FROM catalog.course_listing
                    WHERE %s AND %s ORDER BY %s LIMIT :limit OFFSET :offset) p
                ORDER BY %s""".formatted(
                        headline,
                        COLUMNS,
                        // Ranking reads every hit's vector: only when ordering by it.
                        sql.text && query.sort() == CatalogQuery.Sort.RELEVANCE ? sql.rank : "0",
                        sql.match,
                        sql.allFilters(),
                        order,
                        order);
    }

    private static CatalogHit hit(ResultSet rs) throws SQLException {
        var entry = entry(rs);
        var snippet = rs.getString("snippet");
        var parsed = snippet == null ? Snippet.plain(entry.summary()) : Snippet.parse(snippet);
        var title = rs.getString("title_marked");
        return new CatalogHit(
                entry,
                title == null ? Snippet.plain(entry.title()) : Snippet.parse(title),
                parsed.hasMatch() ? parsed : Snippet.plain(entry.summary()));
    }

    static CatalogEntry entry(ResultSet rs) throws SQLException {
        return new CatalogEntry(
                rs.getObject("course_id", java.util.UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("university_slug"),
                rs.getString("university"),
                strings(rs.getArray("subjects")),
                rs.getString("level"),
                rs.getString("language"),
                rs.getInt("minutes"),
                rs.getInt("lessons"),
                strings(rs.getArray("professors")),
                rs.getTimestamp("listed_at").toInstant(),
                rs.getInt("enrolments"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    /**
     * The query in every stemming configuration and in 'simple', OR-ed, plus the typo- and prefix-tolerant words
     * (letters and digits only, see SearchTerms); as text, or empty when nothing in it can match (only stop words or
     * punctuation). One round trip: the forms and the similar words come in one statement.
     */
    private Prepared prepare(String text, SearchTerms terms) {
        var forms = new ArrayList<String>();
        forms.add("SELECT 'form' AS kind, '' AS asked, CAST(websearch_to_tsquery('simple', :q) AS text) AS value");
        // Until the end of the transaction (see inIndexFirstTransaction).
        forms.add("SELECT 'setting', '', set_config('enable_seqscan', 'off', true)");
        CONFIGS.values()
                .forEach(config ->
                        forms.add("SELECT 'form', '', CAST(websearch_to_tsquery('%s', :q) AS text)".formatted(config)));
        var correctable = terms.correctable();
        var similarSelect = correctable.isEmpty() ? "" : similarWords.select();
        if (!similarSelect.isEmpty()) {
            forms.add(similarSelect);
        }
        var statement = jdbc.sql(String.join("\nUNION ALL ", forms)).param("q", text);
        if (!similarSelect.isEmpty()) {
            statement = similarWords.bind(statement, correctable);
        }
        var distinct = new LinkedHashSet<String>();
        var similar = new HashMap<String, List<String>>();
        statement
                .query((rs, n) -> {
                    var value = rs.getString("value");
                    var kind = rs.getString("kind");
                    if ("setting".equals(kind)) {
                        return value;
                    }
                    if ("form".equals(kind)) {
                        if (value != null && !value.isBlank()) {
                            // Most configurations read most words alike: each distinct form once.
                            distinct.add("(" + value + ")");
                        }
                    } else {
                        similar.computeIfAbsent(rs.getString("asked"), k -> new ArrayList<>())
                                .add(value);
                    }
                    return value;
                })
                .list();
        var tolerant = terms.tolerantQuery(similar);
        if (tolerant != null) {
            distinct.add("(" + tolerant + ")");
        }
        return new Prepared(String.join(" | ", distinct), tolerant);
    }

    private record Prepared(String tsquery, @Nullable String tolerant) {}

    /** The parts of both statements for one query: the text match, its rank, the filters and their parameters. */
    private final class Sql {

        final boolean text;
        final boolean nothing;
        final String match;
        final String rank;
        final String headlineQuery;
        final Map<String, String> filters = new LinkedHashMap<>();
        final Map<String, Object> params = new HashMap<>();

        Sql(CatalogQuery query, Locale reader) {
            text = query.text() != null;
            if (text) {
                var terms = SearchTerms.of(query.text());
                var prepared = prepare(query.text(), terms);
                var tsquery = prepared.tsquery();
                var tolerant = prepared.tolerant();
                nothing = tsquery.isBlank();
                params.put("tsquery", tsquery);
                params.put("reader", CONFIGS.containsKey(reader.getLanguage()) ? reader.getLanguage() : "en");
                match = "search @@ CAST(:tsquery AS tsquery)";
                // Weights D, C, B, A: title and subjects count five times the summary and outcomes. Courses in the
                // reader's language come a little earlier among equals.
                rank = "ts_rank('{0.05, 0.1, 0.2, 1.0}', search, CAST(:tsquery AS tsquery))"
                        + " * CASE WHEN language = :reader THEN 1.2 ELSE 1.0 END";
                if (tolerant == null) {
                    headlineQuery = "CAST(:tsquery AS tsquery)";
                } else {
                    params.put("tolerant", tolerant);
                    headlineQuery =
                            "(CAST(:tsquery AS tsquery) || to_tsquery(catalog.search_config(p.language), :tolerant))";
                }
            } else {
                nothing = false;
                match = "TRUE";
                rank = "0";
                headlineQuery = "";
            }
            filter("subject", "subjects && CAST(:subjects AS text[])", query.subjects());
            filter("university", "university_slug = ANY(CAST(:universities AS text[]))", query.universities());
            filter("language", "language = ANY(CAST(:languages AS text[]))", query.languages());
            filter("level", "level = ANY(CAST(:levels AS text[]))", query.levels());
            filter("effort", "effort = ANY(CAST(:efforts AS text[]))", query.efforts());
        }

        private void filter(String name, String condition, List<String> values) {
            if (values.isEmpty()) {
                filters.put(name, "TRUE");
            } else {
                filters.put(name, "(" + condition + ")");
                params.put(name.equals("university") ? "universities" : name + "s", values.toArray(String[]::new));
            }
        }

        String allFilters() {
            return String.join(" AND ", filters.values());
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (var p : params.entrySet()) {
                spec = spec.param(p.getKey(), p.getValue());
            }
            return spec;
        }
    }
}
