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
 * means revoked. Read from the credentials at every request, so a revocation shows at once.
 */
@Service
public class StatusLists {

    public static final int SIZE = 131_072;

    private final JdbcClient jdbc;

    StatusLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next free position of the university's lists (list = index / SIZE + 1). */
    public int allocate(UUID organisation) {
        return jdbc.sql("""
                INSERT INTO credential.status_list (organisation_id, next_index) VALUES (:o, 1)
                ON CONFLICT (organisation_id) DO UPDATE SET next_index = credential.status_list.next_index + 1
                RETURNING next_index - 1""").param("o", organisation).query(Integer.class).single();
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
                && jdbc.sql("SELECT next_index FROM credential.status_list WHERE organisation_id = :o")
                        .param("o", organisation)
                        .query(Integer.class)
                        .optional()
                        .filter(next -> next > (list - 1) * SIZE)
                        .isPresent();
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
