package org.sapere.assessment.bank;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemType;
import org.sapere.assessment.qti.QtiItemReader;
import org.sapere.assessment.qti.QtiItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's question bank: every version of every item, kept as its QTI 2.1 document (which round-trips every field
 * of every type exactly). Versions never change once written, so they are cached after the first read.
 */
@Repository
public class ItemBank {

    private static final int CACHED = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final QtiItemWriter writer = new QtiItemWriter();
    private final QtiItemReader reader = new QtiItemReader();
    private final Map<String, Item> cache =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Item> eldest) {
                    return size() > CACHED;
                }
            });

    ItemBank(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** An item's current version as the bank lists it. */
    public record Entry(
            UUID id, int version, ItemType type, String title, List<String> tags, BigDecimal points, Instant savedAt) {}

    /** Thrown when an item is saved over a version that is no longer its latest (someone else saved meanwhile). */
    public static final class StaleVersionException extends RuntimeException {
        public StaleVersionException(UUID id) {
            super("item " + id + " has a newer version");
        }
    }

    /**
     * Adds a version of an item to the course's bank: version 1 of a new item, or the next version of an item the
     * course already has.
     *
     * @throws StaleVersionException when the version is not the next one
     */
    @Transactional
    public Item save(UUID course, Item item, @Nullable UUID by) {
        var info = item.info();
        var latest = latestVersion(info.id());
        if (latest.isPresent() && !latest.get().course().equals(course)) {
            throw new StaleVersionException(info.id());
        }
        var expected = latest.map(l -> l.version() + 1).orElse(1);
        if (info.version() != expected) {
            throw new StaleVersionException(info.id());
        }
        var qti = writer.toQti21(item, info.stem().originalLanguage());
        try {
            jdbc.sql("""
                    INSERT INTO assessment.item (id, version, course_id, type, title, tags, points, qti, created_by,
                                                 created_at)
                    VALUES (:id, :version, :course, :type, :title, :tags, :points, :qti, :by, :at)
                    """)
                    .param("id", info.id())
                    .param("version", info.version())
                    .param("course", course)
                    .param("type", ItemType.of(item).slug())
                    .param("title", title(info.stem().original()))
                    .param("tags", info.tags().toArray(String[]::new))
                    .param("points", info.points())
                    .param("qti", qti)
                    .param("by", by)
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new StaleVersionException(info.id());
        }
        jdbc.sql("DELETE FROM assessment.retired_item WHERE id = :id")
                .param("id", info.id())
                .update();
        cache.put(key(info.id(), info.version()), item);
        return item;
    }

    private record Latest(UUID course, int version) {}

    private Optional<Latest> latestVersion(UUID id) {
        return jdbc.sql("SELECT course_id, version FROM assessment.item WHERE id = :id ORDER BY version DESC LIMIT 1")
                .param("id", id)
                .query((rs, n) -> new Latest(rs.getObject(1, UUID.class), rs.getInt(2)))
                .optional();
    }

    /** The course whose bank holds the item, if any does. */
    public Optional<UUID> courseOf(UUID id) {
        return latestVersion(id).map(Latest::course);
    }

    /** One version of an item, whichever course holds it. */
    public Optional<Item> item(UUID id, int version) {
        var cached = cache.get(key(id, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        return jdbc.sql("SELECT qti FROM assessment.item WHERE id = :id AND version = :version")
                .param("id", id)
                .param("version", version)
                .query(String.class)
                .optional()
                .map(qti -> {
                    var item = parse(qti);
                    cache.put(key(id, version), item);
                    return item;
                });
    }

    /** The versions asked, read in one query where they are not cached yet. */
    public Map<String, Item> items(Collection<Map.Entry<UUID, Integer>> versions) {
        var found = new LinkedHashMap<String, Item>();
        var missing = new ArrayList<Map.Entry<UUID, Integer>>();
        for (var v : versions) {
            var cached = cache.get(key(v.getKey(), v.getValue()));
            if (cached != null) {
                found.put(key(v.getKey(), v.getValue()), cached);
            } else {
                missing.add(v);
            }
        }
        if (!missing.isEmpty()) {
            var ids = missing.stream().map(Map.Entry::getKey).distinct().toArray(UUID[]::new);
            jdbc.sql("SELECT id, version, qti FROM assessment.item WHERE id = ANY(:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> Map.entry(key(rs.getObject(1, UUID.class), rs.getInt(2)), rs.getString(3)))
                    .list()
                    .forEach(row -> {
                        if (missing.stream()
                                .anyMatch(m -> key(m.getKey(), m.getValue()).equals(row.getKey()))) {
                            var item = parse(row.getValue());
                            cache.put(row.getKey(), item);
                            found.put(row.getKey(), item);
                        }
                    });
        }
        return found;
    }

    /** The key {@link #items} uses for a version. */
    public static String key(UUID id, int version) {
        return id + "#" + version;
    }

    /** The current version of an item of this course (retired or not). */
    public Optional<Item> current(UUID course, UUID id) {
        return jdbc.sql("""
                SELECT version FROM assessment.item WHERE id = :id AND course_id = :course
                ORDER BY version DESC LIMIT 1
                """)
                .param("id", id)
                .param("course", course)
                .query(Integer.class)
                .optional()
                .flatMap(version -> item(id, version));
    }

    /** The course's items in use (not retired), current versions, newest first; only those tagged {@code tag}. */
    public List<Entry> list(UUID course, @Nullable String tag) {
        return jdbc
                .sql("""
                SELECT DISTINCT ON (i.id) i.id, i.version, i.type, i.title, i.tags, i.points, i.created_at
                FROM assessment.item i
                WHERE i.course_id = :course
                  AND NOT EXISTS (SELECT 1 FROM assessment.retired_item r WHERE r.id = i.id)
                ORDER BY i.id, i.version DESC
                """)
                .param("course", course)
                .query((rs, n) -> new Entry(
                        rs.getObject("id", UUID.class),
                        rs.getInt("version"),
                        ItemType.bySlug(rs.getString("type")),
                        rs.getString("title"),
                        Arrays.asList((String[]) rs.getArray("tags").getArray()),
                        rs.getBigDecimal("points"),
                        rs.getTimestamp("created_at").toInstant()))
                .list()
                .stream()
                .filter(e -> tag == null || tag.isBlank() || e.tags().contains(tag))
                .sorted(java.util.Comparator.comparing(Entry::savedAt).reversed())
                .toList();
    }

    /**
     * The latest version of each of these items as the bank lists it (its title among others), keyed by id, in one
     * query; retired items are included (attempts and reports still name them), unknown ids left out.
     */
    public Map<UUID, Entry> latest(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new LinkedHashMap<UUID, Entry>();
        jdbc.sql("""
                SELECT DISTINCT ON (id) id, version, type, title, tags, points, created_at
                FROM assessment.item WHERE id = ANY(:ids)
                ORDER BY id, version DESC
                """)
                .param("ids", ids.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> new Entry(
                        rs.getObject("id", UUID.class),
                        rs.getInt("version"),
                        ItemType.bySlug(rs.getString("type")),
                        rs.getString("title"),
                        Arrays.asList((String[]) rs.getArray("tags").getArray()),
                        rs.getBigDecimal("points"),
                        rs.getTimestamp("created_at").toInstant()))
                .list()
                .forEach(entry -> found.put(entry.id(), entry));
        return found;
    }

    /** Every tag used by the course's items in use, sorted, with how many items carry it. */
    public Map<String, Integer> tags(UUID course) {
        var counts = new java.util.TreeMap<String, Integer>(String.CASE_INSENSITIVE_ORDER);
        for (var entry : list(course, null)) {
            for (var tag : entry.tags()) {
                counts.merge(tag, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Takes an item out of use: it is no longer listed, offered or drawn. Attempts that used it keep it. */
    @Transactional
    public void retire(UUID course, UUID id, @Nullable UUID by) {
        jdbc.sql("""
                INSERT INTO assessment.retired_item (id, course_id, retired_by, retired_at)
                SELECT DISTINCT :id, :course, :by, :at FROM assessment.item WHERE id = :id AND course_id = :course
                ON CONFLICT (id) DO NOTHING
                """)
                .param("id", id)
                .param("course", course)
                .param("by", by)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    private Item parse(String qti) {
        return switch (reader.read(qti)) {
            case QtiItemReader.Imported imported -> imported.item();
            case QtiItemReader.Unsupported refused ->
                throw new IllegalStateException("stored item unreadable: " + refused.reason() + " " + refused.detail());
        };
    }

    /** The stem's first line without Markdown marks, as the item's title in lists. */
    static String title(String stem) {
        var line = stem.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        line = line.replaceAll("<math\\b.*?</math>", "…")
                .replaceAll("[#*_`>\\[\\]]", "")
                .strip();
        return line.length() > 190 ? line.substring(0, 189) + "…" : line;
    }
}
