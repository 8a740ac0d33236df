package org.sapere.video.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sapere.jobs.Job;
import org.sapere.jobs.JobContext;
import org.sapere.jobs.JobHandler;
import org.sapere.jobs.PermanentJobFailure;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The background job that processes one uploaded video: copies the source out of storage, transcodes it, stores
 * every output under {@code video/<asset>/}, and makes it the lesson's video. Each attempt starts from scratch (a
 * restart mid-way loses only the time spent), and the video becomes ready only once every file is stored.
 */
@Component
class TranscodeJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(TranscodeJob.class);

    private final VideoAssets assets;
    private final MediaStorage storage;
    private final Ffmpeg ffmpeg;
    private final Transcoder transcoder;
    private final Clock clock;

    TranscodeJob(
            VideoAssets assets, MediaStorage storage, Ffmpeg ffmpeg, Transcoder transcoder, Optional<Clock> clock) {
        this.assets = assets;
        this.storage = storage;
        this.ffmpeg = ffmpeg;
        this.transcoder = transcoder;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public String type() {
        return Uploads.TRANSCODE;
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        var id = UUID.fromString(job.payload());
        var asset = assets.find(id).orElse(null);
        if (asset == null || !asset.working()) {
            return;
        }
        if (!ffmpeg.available()) {
            // Another instance without ffmpeg took the job: leave it for one that can.
            throw new IllegalStateException("video processing is unavailable here");
        }
        assets.processing(id);
        var work = Files.createTempDirectory("sapere-transcode-");
        try {
            var source = work.resolve("source");
            try (var content = storage.open(StorageKey.of(asset.sourceKey()))) {
                Files.copy(content.stream(), source);
            }
            Probe probe;
            try {
                probe = ffmpeg.probe(source);
            } catch (UnreadableVideoException e) {
                assets.failed(id, e.messageKey(), e.getMessage());
                throw new PermanentJobFailure(e.getMessage());
            }
            var out = work.resolve("out");
            var lastSaved = new AtomicLong();
            var output = transcoder.transcode(
                    source,
                    probe,
                    out,
                    fraction -> {
                        var now = System.nanoTime();
                        if (now - lastSaved.get() > 1_000_000_000L) {
                            lastSaved.set(now);
                            assets.progress(id, (int) Math.floor(fraction * 100));
                        }
                    },
                    context::stopping);
            store(id, out);
            assets.ready(
                    id, probe.durationSeconds(), probe.width(), probe.height(), output.renditions(), clock.instant());
            for (var earlier : assets.replaceOthers(asset.lesson(), id)) {
                removeFiles(earlier.id());
            }
            log.info(
                    "Video {} ready: {} s, renditions {}",
                    id,
                    String.format(Locale.ROOT, "%.1f", probe.durationSeconds()),
                    output.renditions());
        } catch (Transcoder.StoppedException e) {
            assets.queuedAgain(id);
            throw e;
        } catch (Transcoder.TranscodeException e) {
            if (job.attempt() >= maxAttempts()) {
                assets.failed(id, "video.error.transcode", e.getMessage());
            } else {
                assets.queuedAgain(id);
            }
            throw e;
        } catch (PermanentJobFailure e) {
            throw e;
        } catch (Exception e) {
            if (job.attempt() >= maxAttempts()) {
                assets.failed(id, "video.error.transcode", String.valueOf(e.getMessage()));
            } else {
                assets.queuedAgain(id);
            }
            throw e;
        } finally {
            deleteTree(work);
        }
    }

    private void store(UUID id, Path out) throws IOException {
        try (var files = Files.walk(out)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                var relative = out.relativize(file).toString().replace('\\', '/');
                try (var in = Files.newInputStream(file)) {
                    storage.put(
                            StorageKey.of("video/" + id + "/" + relative),
                            in,
                            Files.size(file),
                            MediaTypes.of(relative));
                }
            }
        }
    }

    private void removeFiles(UUID asset) {
        try {
            for (var key : storage.list("video/" + asset + "/")) {
                storage.delete(key);
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove the files of replaced video {}: {}", asset, e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not remove {}: {}", root, e.getMessage());
        }
    }
}
