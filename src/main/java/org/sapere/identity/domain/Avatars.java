package org.sapere.identity.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** People's pictures: a PNG or JPEG of at most 2 MB, cropped to a square and drawn again at 256 × 256. */
@Service
public class Avatars {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int SIDE = 256;

    /** The stored picture and when it last changed (for caching). */
    public record Avatar(byte[] png, Instant updated) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Avatars(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @return null when saved, or the message key of why the file was refused */
    public @Nullable String replace(UUID account, byte[] upload) {
        if (upload.length == 0) {
            return "avatar.missing";
        }
        if (upload.length > MAX_BYTES) {
            return "avatar.tooLarge";
        }
        var png = UploadedImages.reencode(upload, SIDE, SIDE, true);
        if (png == null) {
            return "avatar.notAnImage";
        }
        jdbc.sql("UPDATE identity.account SET avatar_png = :png, avatar_updated_at = now() WHERE id = :id")
                .param("png", png)
                .param("id", account)
                .update();
        audit.record("AVATAR_REPLACED", account, null, null, null);
        return null;
    }

    public void remove(UUID account) {
        jdbc.sql("UPDATE identity.account SET avatar_png = NULL, avatar_updated_at = NULL WHERE id = :id")
                .param("id", account)
                .update();
    }

    public Optional<Avatar> of(UUID account) {
        return jdbc.sql(
                        "SELECT avatar_png, avatar_updated_at FROM identity.account WHERE id = :id AND avatar_png IS NOT NULL")
                .param("id", account)
                .query((rs, n) -> new Avatar(rs.getBytes(1), rs.getTimestamp(2).toInstant()))
                .optional();
    }
}
