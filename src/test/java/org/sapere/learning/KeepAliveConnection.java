package org.sapere.learning;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One browser's keep-alive HTTP/1.1 connection to the application on localhost, spoken over a plain socket: the
 * benchmark's client must cost the two cores as little as it can, so a request is bytes prepared once (or a small
 * JSON body), and a response is read just far enough to know its status and where it ends (Content-Length or
 * chunks). A body is kept only when asked for.
 */
final class KeepAliveConnection implements Closeable {

    private static final int TIMEOUT_MILLIS = 60_000;

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(128);
    private final byte[] skip = new byte[16 * 1024];

    KeepAliveConnection(int port) throws IOException {
        this.port = port;
        open();
    }

    /** A response: the status, how many body bytes came, and the body when it was asked for. */
    record Response(int status, int length, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A GET request's bytes, made once and sent many times. */
    static byte[] get(String path, String cookie) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie
                        + "\r\nAccept: text/html\r\nAccept-Language: en\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A POST request's bytes with a JSON body and the session's CSRF token in its header. */
    static byte[] postJson(String path, String cookie, String csrf, String json) {
        var body = json.getBytes(StandardCharsets.UTF_8);
        var head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie + "\r\nX-CSRF-TOKEN: " + csrf
                        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** Sends a request and reads its response; opens the connection again if the server had closed it. */
    Response send(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();
        var statusLine = readLine();
        if (statusLine == null) {
            // The server closed an idle connection: a browser would open a new one and send again.
            reopen();
            out.write(request);
            out.flush();
            statusLine = readLine();
            if (statusLine == null) {
                throw new EOFException("the server closed the connection");
            }
        }
        var status = Integer.parseInt(statusLine.substring(9, 12));
        var length = -1;
        var chunked = false;
        var close = false;
        String header;
        while ((header = readLine()) != null && !header.isEmpty()) {
            var colon = header.indexOf(':');
            var name = header.substring(0, colon).toLowerCase(Locale.ROOT);
            var value = header.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        var body = keepBody ? new ByteArrayOutputStream() : null;
        var read = 0;
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(readLine().split(";")[0].strip(), 16)) > 0) {
                read += body(size, body);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            read = body(length, body);
        }
        if (close) {
            reopen();
        }
        return new Response(status, read, body == null ? new byte[0] : body.toByteArray());
    }

    private int body(int length, ByteArrayOutputStream keep) throws IOException {
        var left = length;
        while (left > 0) {
            var n = in.read(skip, 0, Math.min(left, skip.length));
            if (n < 0) {
                throw new EOFException("the response ended early");
            }
            if (keep != null) {
                keep.write(skip, 0, n);
            }
            left -= n;
        }
        return length;
    }

    /** A header line without its CRLF; null when the connection was closed before it. */
    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                var end = line.length();
                return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
        out = socket.getOutputStream();
    }

    /** Closes the connection and opens a new one (after an error, or when the server asked to close). */
    void reopen() throws IOException {
        socket.close();
        open();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
