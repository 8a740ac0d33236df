package org.sapere.lrs.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sapere.shared.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning records about the person: statements whose actor or object is them (by their mailbox, plain or
 * hashed), and the state and profile documents kept for them.
 */
@Component
class LrsPersonalData implements PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    LrsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "learningRecords";
    }

    @Override
    public Set<String> tables() {
        return Set.of("lrs.statement", "lrs.statement_agent", "lrs.document");
    }

    @Override
    public Object export(UUID account, String email) {
        var keys = keys(email);
        var data = new LinkedHashMap<String, Object>();
        data.put(
                "statements",
                jdbc.sql("""
                SELECT s.statement::text FROM lrs.statement s
                WHERE s.seq IN (SELECT seq FROM lrs.statement_agent WHERE agent = ANY(:keys) AND direct)
                ORDER BY s.seq""").param("keys", keys.toArray(String[]::new)).query(String.class).list().stream()
                        .map(JSON::readTree)
                        .toList());
        data.put(
                "documents",
                jdbc.sql("""
                SELECT kind, activity_id, registration, doc_id, content_type, updated,
                       CASE WHEN content_type LIKE 'application/json%' OR content_type LIKE 'text/%'
                            THEN convert_from(content, 'UTF8') ELSE encode(content, 'base64') END AS content
                FROM lrs.document WHERE agent = ANY(:keys) ORDER BY updated""").param("keys", keys.toArray(String[]::new)).query().listOfRows());
        return data;
    }

    /** The index keys under which the person's mailbox appears (see {@code Agents.key}). */
    private static List<String> keys(String email) {
        var mailto = "mailto:" + email;
        var sha1 = sha1(mailto);
        return List.of("Agent mbox:" + mailto, "Agent sha1:" + sha1);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
