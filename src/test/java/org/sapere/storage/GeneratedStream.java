package org.sapere.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A stream of pseudo-random bytes made as they are read (nothing held in memory), digested on the way out with
 * SHA-256; it can run an action when it reaches a position, and fail at one.
 */
final class GeneratedStream extends InputStream {

    private final long size;
    private final MessageDigest digest;
    private final TreeMap<Long, Runnable> actions = new TreeMap<>();
    private long failAt = -1;
    private long state;
    private long produced;

    GeneratedStream(long size, long seed) {
        this.size = size;
        this.state = seed;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the action once the stream has delivered {@code position} bytes. */
    GeneratedStream at(long position, Runnable action) {
        actions.put(position, action);
        return this;
    }

    /** Throws an IOException instead of delivering byte {@code position}. */
    GeneratedStream failingAt(long position) {
        this.failAt = position;
        return this;
    }

    @Override
    public int read() throws IOException {
        var one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        var due = actions.firstEntry();
        if (due != null && produced >= due.getKey()) {
            actions.pollFirstEntry().getValue().run();
        }
        if (failAt >= 0 && produced >= failAt) {
            throw new IOException("Simulated failure of the source stream at byte " + produced);
        }
        var limit = Math.min(size - produced, len);
        if (failAt >= 0) {
            limit = Math.min(limit, failAt - produced);
        }
        if (due != null && due.getKey() > produced) {
            limit = Math.min(limit, due.getKey() - produced);
        }
        if (limit <= 0) {
            return len == 0 ? 0 : -1;
        }
        var n = (int) limit;
        for (var i = off; i < off + n; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) (state >>> 56);
        }
        digest.update(b, off, n);
        produced += n;
        return n;
    }

    /** The SHA-256 of the bytes delivered so far, in hex. */
    String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    long produced() {
        return produced;
    }
}
