package org.sapere.lrs.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attachment contents by SHA-2; the same content attached to many statements is stored once. */
@Repository
public class Attachments {

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Collection<AttachmentPart> parts) {
        for (var part : parts) {
            jdbc.sql("INSERT INTO lrs.attachment (sha2, content_type, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .param(part.sha2())
                    .param(part.contentType())
                    .param(part.content())
                    .update();
        }
    }

    public Map<String, AttachmentPart> find(Collection<String> sha2s) {
        var found = new LinkedHashMap<String, AttachmentPart>();
        if (sha2s.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT sha2, content_type, content FROM lrs.attachment WHERE sha2 = ANY(?::text[])")
                .param(sha2s.toArray(String[]::new))
                .query((rs, i) -> found.put(
                        rs.getString(1), new AttachmentPart(rs.getString(1), rs.getString(2), rs.getBytes(3))))
                .list();
        return found;
    }
}
