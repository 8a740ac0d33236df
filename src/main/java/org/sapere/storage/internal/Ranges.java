package org.sapere.storage.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Checks of byte ranges and a stream that stops at a range's end. */
public final class Ranges {

    private Ranges() {}

    /** @throws IllegalArgumentException when {@code first} is negative or after {@code last} */
    public static void check(long first, long last) {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("Invalid byte range " + first + "-" + last);
        }
    }

    /** A stream that delivers at most {@code length} bytes of {@code in} and closes it when closed. */
    public static InputStream limit(InputStream in, long length) {
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                var b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                var n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                var skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), left);
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }
}
