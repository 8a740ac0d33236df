package org.sapere.video.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageKey;
import org.sapere.storage.StoredObjectNotFoundException;
import org.sapere.storage.UnsatisfiableRangeException;
import org.sapere.video.domain.MediaSigner;
import org.sapere.video.domain.MediaTypes;
import org.sapere.video.domain.VideoAssets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Serves a video's files at {@code /media/v/<asset>/<token>/<file>}: the token is a signature with an expiry
 * ({@link MediaSigner}), or {@code public} for a lesson marked as a public preview. A missing, expired or altered
 * signature gets 403. Files are served with ranges (206), a strong ETag, and caching for as long as the address is
 * valid (their content never changes); on the local filesystem, through Tomcat's sendfile (zero-copy).
 */
@Controller
class MediaController {

    /** The files a processed video has; anything else is 404 before storage is asked. */
    private static final Pattern FILE = Pattern.compile(
            "hls/master\\.m3u8|hls/[0-9]{3,4}p/(index\\.m3u8|seg_[0-9]{4,6}\\.ts)|poster\\.jpg|fallback\\.mp4"
                    + "|thumbs\\.jpg|thumbs\\.vtt|captions/[a-z]{2,3}\\.vtt|chapters\\.vtt");

    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";
    private static final long SENDFILE_MIN_BYTES = 48 * 1024;

    private final MediaSigner signer;
    private final MediaStorage storage;
    private final VideoAssets assets;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, PublicFlag> publicFlags = new ConcurrentHashMap<>();

    private record PublicFlag(boolean value, Instant checkedAt) {}

    MediaController(MediaSigner signer, MediaStorage storage, VideoAssets assets, Optional<Clock> clock) {
        this.signer = signer;
        this.storage = storage;
        this.assets = assets;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @RequestMapping(
            path = "/media/v/{asset}/{token}/{*file}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void serve(
            @PathVariable String asset,
            @PathVariable String token,
            @PathVariable String file,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        UUID id;
        try {
            id = UUID.fromString(asset);
        } catch (IllegalArgumentException e) {
            response.sendError(404);
            return;
        }
        var path = file.startsWith("/") ? file.substring(1) : file;
        var now = clock.instant();
        long maxAge;
        if (token.equals("public")) {
            if (!isPublic(id, now)) {
                response.sendError(403);
                return;
            }
            maxAge = 300;
        } else {
            var expires = signer.verify(id, token);
            if (expires.isEmpty() || !expires.get().isAfter(now)) {
                response.sendError(403);
                return;
            }
            maxAge = Duration.between(now, expires.get()).toSeconds();
        }
        if (!FILE.matcher(path).matches()) {
            response.sendError(404);
            return;
        }
        if (path.startsWith("captions/") || path.equals("chapters.vtt")) {
            var text = path.equals("chapters.vtt")
                    ? assets.chaptersVtt(id)
                    : assets.captionVtt(id, path.substring("captions/".length(), path.length() - 4));
            if (text.isEmpty()) {
                response.sendError(404);
                return;
            }
            var bytes = text.get().getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/vtt;charset=utf-8");
            // Captions can be corrected by the author: cached briefly.
            response.setHeader("Cache-Control", "public, max-age=" + Math.min(300, maxAge));
            response.setContentLength(bytes.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(bytes);
            }
            return;
        }
        var key = StorageKey.of("video/" + id + "/" + path);
        var local = storage.localFile(key);
        long size;
        Instant modified;
        if (local.isPresent()) {
            try {
                var attributes = Files.readAttributes(local.get(), java.nio.file.attribute.BasicFileAttributes.class);
                size = attributes.size();
                modified = attributes.lastModifiedTime().toInstant();
            } catch (IOException e) {
                response.sendError(404);
                return;
            }
        } else {
            var found = storage.find(key);
            if (found.isEmpty()) {
                response.sendError(404);
                return;
            }
            size = found.get().size();
            modified = found.get().lastModified();
        }
        var etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "public, max-age=" + Math.max(0, maxAge) + ", immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setDateHeader("Last-Modified", modified.toEpochMilli());
        response.setContentType(MediaTypes.of(path));
        var ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("*"))) {
            response.setStatus(304);
            return;
        }
        long first = 0;
        long last = size - 1;
        var range = request.getHeader("Range");
        var ifRange = request.getHeader("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            var parsed = parseRange(range, size);
            if (parsed == null) {
                response.setHeader("Content-Range", "bytes */" + size);
                response.sendError(416);
                return;
            }
            if (parsed.length == 2) {
                first = parsed[0];
                last = parsed[1];
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
            }
        }
        var length = last - first + 1;
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod()) || length == 0) {
            return;
        }
        if (local.isPresent()
                && length >= SENDFILE_MIN_BYTES
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            request.setAttribute(SENDFILE_FILENAME, local.get().toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, first);
            request.setAttribute(SENDFILE_END, last + 1);
            return;
        }
        try (var content = range == null || length == size ? storage.open(key) : storage.openRange(key, first, last)) {
            content.stream().transferTo(response.getOutputStream());
        } catch (StoredObjectNotFoundException | UnsatisfiableRangeException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(404);
            }
        }
    }

    /**
     * A single byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) as {first, last}; an empty array
     * for a header to ignore (several ranges, another unit: the whole file is sent); null when unsatisfiable.
     */
    static long[] parseRange(String header, long size) {
        if (!header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return new long[0];
        }
        var spec = header.substring(6).strip();
        var dash = spec.indexOf('-');
        if (dash < 0) {
            return new long[0];
        }
        try {
            var a = spec.substring(0, dash).strip();
            var b = spec.substring(dash + 1).strip();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return new long[0];
                }
                var suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    return null;
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            var first = Long.parseLong(a);
            var last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (first >= size || first > last) {
                return first >= size ? null : new long[0];
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }

    private boolean isPublic(UUID asset, Instant now) {
        var cached = publicFlags.get(asset);
        if (cached != null && cached.checkedAt().isAfter(now.minusSeconds(30))) {
            return cached.value();
        }
        var value = assets.isPublic(asset);
        if (value) {
            // Only a yes is remembered (for 30 s): marking a video public works at once, withdrawing it within 30 s.
            if (publicFlags.size() > 10_000) {
                publicFlags.clear();
            }
            publicFlags.put(asset, new PublicFlag(true, now));
        }
        return value;
    }
}
