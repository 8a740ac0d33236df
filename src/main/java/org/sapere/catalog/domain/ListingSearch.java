package org.sapere.catalog.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sapere.catalog.CatalogEntry;
import org.sapere.catalog.CatalogHit;
import org.sapere.catalog.CatalogPage;
import org.sapere.catalog.CatalogPage.Count;
import org.sapere.catalog.CatalogQuery;
import org.sapere.catalog.Snippet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Searches the listing: full text in the reader's language, in each course's own language and in 'simple' (exact
 * words), plus prefixes and words corrected by trigram similarity; ranked so that title and subject matches come
 * first; facet counts of the whole result; highlighted passages for the page shown. See docs/catalogue.md.
 */
@Repository
public class ListingSearch {

    /** The stemming configuration and tsvector column of each interface and course language. */
    private static final Map<String, String> CONFIGS =
            Map.of("en", "english", "it", "italian", "de", "german", "nl", "dutch", "sv", "swedish");

    private static final String COLUMNS = """
            course_id, slug, title, summary, university_slug, university, subjects, level, language, minutes,
            lessons, professors, listed_at, enrolments""";

    private final JdbcClient jdbc;
    private final SimilarWords similarWords;

    ListingSearch(JdbcClient jdbc, SimilarWords similarWords) {
        this.jdbc = jdbc;
        this.similarWords = similarWords;
    }

    public CatalogPage find(CatalogQuery query, Locale reader, int pageSize) {
        var sql = new Sql(query, reader);
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

    private Map<String, List<Count>> facets(Sql sql) {
        var f = sql.filters;
        var statement = """
                WITH hits AS MATERIALIZED (
                    SELECT subjects, university_slug, language, level, effort, %s AS s_ok, %s AS u_ok, %s AS l_ok,
                           %s AS v_ok, %s AS e_ok
                    FROM catalog.course_listing WHERE %s)
                SELECT 'subject' AS facet, s AS value, count(*) AS n FROM hits, unnest(subjects) s
                    WHERE u_ok AND l_ok AND v_ok AND e_ok GROUP BY s
                UNION ALL SELECT 'university', university_slug, count(*) FROM hits
                    WHERE s_ok AND l_ok AND v_ok AND e_ok GROUP BY university_slug
                UNION ALL SELECT 'language', language, count(*) FROM hits
                    WHERE s_ok AND u_ok AND v_ok AND e_ok GROUP BY language
                UNION ALL SELECT 'level', level, count(*) FROM hits
                    WHERE s_ok AND u_ok AND l_ok AND e_ok GROUP BY level
                UNION ALL SELECT 'effort', effort, count(*) FROM hits
                    WHERE s_ok AND u_ok AND l_ok AND v_ok GROUP BY effort
                UNION ALL SELECT 'total', '', count(*) FROM hits WHERE s_ok AND u_ok AND l_ok AND v_ok AND e_ok
                ORDER BY 1, 3 DESC, 2""".formatted(
                f.get("subject"), f.get("university"), f.get("language"), f.get("level"), f.get("effort"), sql.match);
        var result = new LinkedHashMap<String, List<Count>>();
        sql.bind(jdbc.sql(statement))
                .query((rs, n) -> result.computeIfAbsent(rs.getString("facet"), k -> new ArrayList<>())
                        .add(new Count(rs.getString("value"), rs.getLong("n"))))
                .list();
        result.computeIfAbsent("total", k -> new ArrayList<>());
        return result;
    }

    private List<CatalogHit> page(Sql sql, CatalogQuery query, int pageSize) {
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
        var statement = """
                SELECT p.*, %s FROM (
                    SELECT %s, %s AS rank FROM catalog.course_listing
                    WHERE %s AND %s ORDER BY %s LIMIT :limit OFFSET :offset) p
                ORDER BY %s""".formatted(headline, COLUMNS, sql.rank, sql.match, sql.allFilters(), order, order);
        var marks = "" + Snippet.START + Snippet.STOP;
        var selectors = "StartSel=" + Snippet.START + ", StopSel=" + Snippet.STOP;
        return sql.bind(jdbc.sql(statement))
                .param("limit", pageSize)
                .param("offset", (long) (query.page() - 1) * pageSize)
                .param("marks", marks)
                .param("options", selectors + ", MaxWords=35, MinWords=15, ShortWord=2")
                .param("titleOptions", selectors + ", HighlightAll=true")
                .query((rs, n) -> hit(rs))
                .list();
    }

    private static CatalogHit hit(ResultSet rs) throws SQLException {
        var entry = entry(rs);
        var snippet = rs.getString("snippet");
        var parsed = snippet == null ? Snippet.plain(entry.summary()) : Snippet.parse(snippet);
        var title = rs.getString("title_marked");
        return new CatalogHit(
                entry,
                parsed.hasMatch() ? parsed : Snippet.plain(entry.summary()),
                title == null ? Snippet.plain(entry.title()) : Snippet.parse(title));
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

    /** The parts of both statements for one query: the text match, its rank, the filters and their parameters. */
    private final class Sql {

        final boolean text;
        final String match;
        final String rank;
        final String headlineQuery;
        final Map<String, String> filters = new LinkedHashMap<>();
        final Map<String, Object> params = new HashMap<>();

        Sql(CatalogQuery query, Locale reader) {
            text = query.text() != null;
            if (text) {
                var terms = SearchTerms.of(query.text());
                var tolerant = terms.tolerantQuery(similarWords.of(terms.correctable()));
                params.put("q", query.text());
                var simple = "websearch_to_tsquery('simple', :q)";
                if (tolerant != null) {
                    params.put("tolerant", tolerant);
                    simple = "(" + simple + " || to_tsquery('simple', :tolerant))";
                }
                var branches = new ArrayList<String>();
                branches.add("search_simple @@ " + simple);
                CONFIGS.forEach((code, config) ->
                        branches.add("search_%s @@ websearch_to_tsquery('%s', :q)".formatted(code, config)));
                match = "(" + String.join(" OR ", branches) + ")";
                var ui = CONFIGS.containsKey(reader.getLanguage()) ? reader.getLanguage() : "en";
                var own = new StringBuilder("CASE language");
                CONFIGS.forEach((code, config) ->
                        own.append(" WHEN '%s' THEN ts_rank(search_%s, websearch_to_tsquery('%s', :q))"
                                .formatted(code, code, config)));
                own.append(" ELSE 0 END");
                rank = "ts_rank(search_simple, %s) + ts_rank(search_%s, websearch_to_tsquery('%s', :q)) + %s"
                        .formatted(simple, ui, CONFIGS.get(ui), own);
                headlineQuery = tolerant == null
                        ? "websearch_to_tsquery(catalog.search_config(p.language), :q)"
                        : "(websearch_to_tsquery(catalog.search_config(p.language), :q)"
                                + " || to_tsquery(catalog.search_config(p.language), :tolerant))";
            } else {
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
