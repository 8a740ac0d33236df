package org.sapere.credential.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.credential.IssuedCredential;
import org.sapere.identity.AccountId;
import org.sapere.identity.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The issued credentials. */
@Repository
public class CredentialRecords {

    private static final String COLUMNS = """
            id, learner_id, course_id, course_version, organisation_id, holder_name, course_title, issued_at, public,
            revoked_at, revoked_reason""";

    /** A credential to store; {@code document} is the signed JSON exactly as it will be served. */
    public record NewCredential(
            UUID id,
            UUID learner,
            UUID course,
            int courseVersion,
            UUID organisation,
            int keyNumber,
            int statusIndex,
            String holderName,
            String courseTitle,
            Instant issuedAt,
            String document) {}

    private final JdbcClient jdbc;

    CredentialRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the credential unless the learner already has one for this course version; true if stored. */
    public boolean insert(NewCredential c) {
        return jdbc.sql("""
                INSERT INTO credential.credential (id, learner_id, course_id, course_version, organisation_id,
                    key_number, status_index, holder_name, course_title, issued_at, document)
                VALUES (:id, :learner, :course, :version, :organisation, :key, :status, :holder, :title, :issued,
                    :document)
                ON CONFLICT (learner_id, course_id, course_version) DO NOTHING""")
                        .param("id", c.id())
                        .param("learner", c.learner())
                        .param("course", c.course())
                        .param("version", c.courseVersion())
                        .param("organisation", c.organisation())
                        .param("key", c.keyNumber())
                        .param("status", c.statusIndex())
                        .param("holder", c.holderName())
                        .param("title", c.courseTitle())
                        .param("issued", Timestamp.from(c.issuedAt()))
                        .param("document", c.document())
                        .update()
                == 1;
    }

    public Optional<UUID> idOf(UUID learner, UUID course, int courseVersion) {
        return jdbc.sql("""
                SELECT id FROM credential.credential
                WHERE learner_id = :l AND course_id = :c AND course_version = :v""")
                .param("l", learner)
                .param("c", course)
                .param("v", courseVersion)
                .query(UUID.class)
                .optional();
    }

    public Optional<IssuedCredential> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential.credential WHERE id = :id")
                .param("id", id)
                .query(CredentialRecords::map)
                .optional();
    }

    public Optional<String> document(UUID id) {
        return jdbc.sql("SELECT document FROM credential.credential WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public List<IssuedCredential> ofLearner(UUID learner) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM credential.credential WHERE learner_id = :l ORDER BY issued_at DESC, id")
                .param("l", learner)
                .query(CredentialRecords::map)
                .list();
    }

    /** The newest credentials, optionally only those whose holder or course matches {@code text}. */
    public List<IssuedCredential> search(String text, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential.credential"
                        + " WHERE :text = '' OR holder_name ILIKE :like OR course_title ILIKE :like"
                        + " OR id::text = :text ORDER BY issued_at DESC, id LIMIT :limit")
                .param("text", text)
                .param(
                        "like",
                        "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("limit", limit)
                .query(CredentialRecords::map)
                .list();
    }

    public boolean setPublic(UUID id, UUID learner, boolean value) {
        return jdbc.sql("UPDATE credential.credential SET public = :p WHERE id = :id AND learner_id = :l")
                        .param("p", value)
                        .param("id", id)
                        .param("l", learner)
                        .update()
                == 1;
    }

    /** Revokes the credential if it is not revoked yet; true if this call revoked it. */
    public boolean revoke(UUID id, UUID by, String reason) {
        return jdbc.sql("""
                UPDATE credential.credential SET revoked_at = now(), revoked_reason = :reason, revoked_by = :by
                WHERE id = :id AND revoked_at IS NULL""")
                        .param("reason", reason)
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The public credentials of a learner, for their profile. */
    public List<IssuedCredential> publicOf(UUID learner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credential.credential"
                        + " WHERE learner_id = :l AND public AND revoked_at IS NULL ORDER BY issued_at DESC")
                .param("l", learner)
                .query(CredentialRecords::map)
                .list();
    }

    private static IssuedCredential map(ResultSet rs, int n) throws SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new IssuedCredential(
                rs.getObject("id", UUID.class),
                new AccountId(rs.getObject("learner_id", UUID.class)),
                new CourseId(rs.getObject("course_id", UUID.class)),
                rs.getInt("course_version"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("holder_name"),
                rs.getString("course_title"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getBoolean("public"),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("revoked_reason"));
    }
}
