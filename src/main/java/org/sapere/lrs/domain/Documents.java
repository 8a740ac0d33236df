package org.sapere.lrs.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** State, activity profile and agent profile documents; each kind is keyed by its own parameters. */
@Repository
public class Documents {

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where documents live: kind, and activity, agent key and registration ('' when a kind has none). */
    public record Scope(String kind, String activity, String agent, String registration) {}

    public record Document(String id, String contentType, byte[] content, String etag, Instant updated) {}

    public Optional<Document> find(Scope scope, String id) {
        return jdbc.sql("""
                SELECT doc_id, content_type, content, etag, updated FROM lrs.document
                WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ? AND doc_id = ?""")
                .params(scope.kind(), scope.activity(), scope.agent(), scope.registration(), id)
                .query((rs, i) -> new Document(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    public List<String> ids(Scope scope, @Nullable Instant since) {
        return jdbc.sql("""
                SELECT doc_id FROM lrs.document
                WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ?
                  AND (CAST(? AS timestamptz) IS NULL OR updated > ?) ORDER BY doc_id""")
                .params(
                        scope.kind(),
                        scope.activity(),
                        scope.agent(),
                        scope.registration(),
                        since == null ? null : Timestamp.from(since),
                        since == null ? null : Timestamp.from(since))
                .query(String.class)
                .list();
    }

    public void save(Scope scope, String id, String contentType, byte[] content, String etag) {
        jdbc.sql("""
                INSERT INTO lrs.document (kind, activity_id, agent, registration, doc_id, content_type, content, etag, updated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (kind, activity_id, agent, registration, doc_id) DO UPDATE
                SET content_type = excluded.content_type, content = excluded.content, etag = excluded.etag,
                    updated = excluded.updated""")
                .params(
                        scope.kind(),
                        scope.activity(),
                        scope.agent(),
                        scope.registration(),
                        id,
                        contentType,
                        content,
                        etag)
                .update();
    }

    public void delete(Scope scope, String id) {
        jdbc.sql("""
                DELETE FROM lrs.document
                WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ? AND doc_id = ?""")
                .params(scope.kind(), scope.activity(), scope.agent(), scope.registration(), id)
                .update();
    }

    /** Deletes every state document of an agent in an activity (and registration, when given). */
    public void deleteAll(Scope scope) {
        jdbc.sql("DELETE FROM lrs.document WHERE kind = ? AND activity_id = ? AND agent = ? AND registration = ?")
                .params(scope.kind(), scope.activity(), scope.agent(), scope.registration())
                .update();
    }
}
