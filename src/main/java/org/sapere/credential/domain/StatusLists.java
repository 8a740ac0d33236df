package org.sapere.credential.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each university's revocation lists in the W3C Bitstring Status List form: 131,072 positions per list (16 KiB,
 * the specification's minimum, so that one credential hides among many), position 0 the left-most bit; a set bit
 * means revoked. Positions are drawn at random. Read from the credentials at every request, so a revocation shows at once.
 */
@Service
public class StatusLists {

    public static final int SIZE = 131_072;

    private final JdbcClient jdbc;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    StatusLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A free position drawn at random, reserved for good. A list is filled to half before the next one opens, so a
     * draw rarely hits a taken position (and then simply draws again).
     */
    public int allocate(UUID organisation) {
        var reserved = jdbc.sql("SELECT count(*) FROM credential.status_position WHERE organisation_id = :o")
                .param("o", organisation)
                .query(Integer.class)
                .single();
        var list = reserved / (SIZE / 2) + 1;
        for (int attempt = 0; attempt < 100; attempt++) {
            var index = (list - 1) * SIZE + random.nextInt(SIZE);
            var taken = jdbc.sql("""
                    INSERT INTO credential.status_position (organisation_id, status_index) VALUES (:o, :i)
                    ON CONFLICT DO NOTHING""").param("o", organisation).param("i", index).update();
            if (taken == 1) {
                return index;
            }
        }
        throw new IllegalStateException("No free revocation-list position found for " + organisation);
    }

    public static int list(int index) {
        return index / SIZE + 1;
    }

    public static int position(int index) {
        return index % SIZE;
    }

    /** True if the university has handed out positions in this list. */
    public boolean exists(UUID organisation, int list) {
        return list >= 1
                && jdbc.sql("""
                                SELECT EXISTS (SELECT 1 FROM credential.status_position
                                WHERE organisation_id = :o AND status_index >= :from AND status_index < :to)""")
                        .param("o", organisation)
                        .param("from", (list - 1) * SIZE)
                        .param("to", list * SIZE)
                        .query(Boolean.class)
                        .single();
    }

    /** True if the position of the list is revoked. */
    public boolean isSet(UUID organisation, int list, int position) {
        return jdbc.sql("""
                        SELECT count(*) FROM credential.credential
                        WHERE organisation_id = :o AND status_index = :i AND revoked_at IS NOT NULL""")
                        .param("o", organisation)
                        .param("i", (list - 1) * SIZE + position)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The list as {@code encodedList}: the GZIP of the bits, in multibase base64url ("u…"). */
    public String encodedList(UUID organisation, int list) {
        var bits = new byte[SIZE / 8];
        jdbc.sql("""
                SELECT status_index FROM credential.credential
                WHERE organisation_id = :o AND revoked_at IS NOT NULL AND status_index >= :from AND status_index < :to""")
                .param("o", organisation)
                .param("from", (list - 1) * SIZE)
                .param("to", list * SIZE)
                .query(Integer.class)
                .list()
                .forEach(index -> {
                    var position = position(index);
                    bits[position / 8] |= (byte) (0x80 >>> (position % 8));
                });
        var zipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(zipped)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(zipped.toByteArray());
    }
}
