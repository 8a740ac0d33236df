package org.sapere.lrs.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sapere.lrs.domain.XapiException;

/** Reads and writes multipart/mixed bodies, the form statements with attachments travel in (Data 2.4.11). */
final class Multipart {

    record Part(Map<String, String> headers, byte[] content) {

        String header(String lowerCaseName) {
            return headers.getOrDefault(lowerCaseName, "");
        }
    }

    private Multipart() {}

    static boolean is(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed");
    }

    static List<Part> parse(String contentType, byte[] body) {
        var boundary = boundary(contentType);
        var delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        var parts = new ArrayList<Part>();
        var start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw XapiException.badRequest("the multipart body has no boundary " + boundary);
        }
        var position = start + delimiter.length;
        while (true) {
            if (position + 1 < body.length && body[position] == '-' && body[position + 1] == '-') {
                return parts;
            }
            position = skipLineEnd(body, position);
            var next = indexOf(body, delimiter, position);
            if (next < 0) {
                throw XapiException.badRequest("the multipart body does not end with its boundary");
            }
            var end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            } else if (end >= 1 && body[end - 1] == '\n') {
                end -= 1;
            }
            parts.add(part(Arrays.copyOfRange(body, position, Math.max(position, end))));
            position = next + delimiter.length;
        }
    }

    private static Part part(byte[] raw) {
        var separator = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        var skip = 4;
        if (separator < 0) {
            separator = indexOf(raw, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            skip = 2;
        }
        if (separator < 0) {
            throw XapiException.badRequest("a multipart part has no headers");
        }
        var headers = new HashMap<String, String>();
        for (var line : new String(raw, 0, separator, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            var colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return new Part(headers, Arrays.copyOfRange(raw, separator + skip, raw.length));
    }

    private static String boundary(String contentType) {
        for (var piece : contentType.split(";")) {
            var p = piece.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                var value = p.substring("boundary=".length());
                return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        throw XapiException.badRequest("a multipart/mixed body needs a boundary");
    }

    private static int skipLineEnd(byte[] body, int position) {
        while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
            position++;
        }
        if (position < body.length && body[position] == '\r') {
            position++;
        }
        if (position < body.length && body[position] == '\n') {
            position++;
        }
        return position;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A multipart/mixed body: the JSON first, then each part with its headers. */
    static XapiResponse write(byte[] json, List<Part> parts) {
        var boundary = UUID.randomUUID().toString().replace("-", "");
        var out = new ByteArrayOutputStream();
        var crlf = "\r\n";
        out.writeBytes(("--" + boundary + crlf + "Content-Type: application/json" + crlf + crlf)
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json);
        for (var part : parts) {
            var head = new StringBuilder(crlf + "--" + boundary + crlf);
            part.headers()
                    .forEach((k, v) -> head.append(k).append(": ").append(v).append(crlf));
            out.writeBytes(head.append(crlf).toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
        }
        out.writeBytes((crlf + "--" + boundary + "--" + crlf).getBytes(StandardCharsets.UTF_8));
        return XapiResponse.of("multipart/mixed; boundary=" + boundary, out.toByteArray());
    }
}
