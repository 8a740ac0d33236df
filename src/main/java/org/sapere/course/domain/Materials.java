package org.sapere.course.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.jspecify.annotations.Nullable;
import org.sapere.course.LessonMaterial;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Files for downloadable-material lessons. The type is detected from the content (Apache Tika reads the first
 * bytes), never taken from the browser; a file whose name says one type while its content is another is refused,
 * as are types learners should not be handed (programs, scripts, HTML). Files are streamed into storage.
 */
@Service
public class Materials {

    /** Detected type → the file name extensions it may have. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("application/pdf", Set.of("pdf")),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", Set.of("pptx")),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx")),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx")),
            Map.entry("application/vnd.oasis.opendocument.presentation", Set.of("odp")),
            Map.entry("application/vnd.oasis.opendocument.text", Set.of("odt")),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", Set.of("ods")),
            Map.entry("application/vnd.ms-powerpoint", Set.of("ppt")),
            Map.entry("application/msword", Set.of("doc")),
            Map.entry("application/vnd.ms-excel", Set.of("xls")),
            Map.entry("application/zip", Set.of("zip")),
            Map.entry("text/csv", Set.of("csv")),
            Map.entry("text/plain", Set.of("txt", "csv", "md")),
            Map.entry("image/png", Set.of("png")),
            Map.entry("image/jpeg", Set.of("jpg", "jpeg")));

    /** What became of an upload: the stored file, or why it was refused (a message key and its argument). */
    public record Upload(
            @Nullable LessonMaterial stored,
            @Nullable String problem,
            @Nullable Object argument) {}

    private final MediaStorage storage;
    private final long maxBytes;
    private final Tika tika = new Tika();

    Materials(MediaStorage storage, @Value("${sapere.course.max-material-size:100MB}") DataSize max) {
        this.storage = storage;
        this.maxBytes = max.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Upload store(UUID course, UUID lesson, @Nullable String originalName, long size, InputStream content)
            throws IOException {
        if (size <= 0) {
            return refused("author.file.missing", null);
        }
        if (size > maxBytes) {
            return refused("author.file.tooLarge", DataSize.ofBytes(maxBytes).toMegabytes());
        }
        var name = fileName(originalName);
        var dot = name.lastIndexOf('.');
        var extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        var in = new BufferedInputStream(content, 64 * 1024);
        // Tika reads the first bytes and resets the stream (it supports mark), so nothing is lost for storing.
        var detected = tika.detect(in, name);
        var extensions = ALLOWED.get(detected);
        if (extensions == null) {
            return refused("author.file.typeNotAllowed", detected);
        }
        if (!extensions.contains(extension)) {
            return refused("author.file.lies", extension.isEmpty() ? "?" : extension);
        }
        var key =
                StorageKey.of("courses/" + course + "/materials/" + lesson + "/" + UUID.randomUUID() + "." + extension);
        var stored = storage.put(key, in, size, detected);
        return new Upload(new LessonMaterial(key.value(), name, detected, stored.size()), null, null);
    }

    /** A file name fit to send back in Content-Disposition: no folders, no control characters, not too long. */
    static String fileName(@Nullable String original) {
        var name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "material" + name;
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private static Upload refused(String key, @Nullable Object argument) {
        return new Upload(null, key, argument);
    }
}
