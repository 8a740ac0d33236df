package org.sapere.video.domain;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sapere.video.*}: where ffmpeg is, how videos are encoded, how large uploads may be and how long media
 * addresses live.
 *
 * @param ffmpeg the ffmpeg program (a name on the PATH or a full path)
 * @param ffprobe the ffprobe program
 * @param preset x264's speed/size trade-off: ultrafast … veryslow (slower is smaller at the same quality)
 * @param threads encoder threads; 0 lets ffmpeg choose
 * @param segmentSeconds the length of HLS segments (4–6 s)
 * @param maxHeight the highest rendition made (never above the source)
 * @param maxUploadSize the largest video a professor may upload
 * @param maxChunkSize the largest single request of a resumable upload
 * @param uploadDir where unfinished uploads wait (empty: {@code <data-dir>/uploads}); local to this instance
 * @param abandonedUploadsAfter unfinished uploads untouched this long are removed
 * @param urlLifetime how long a signed media address stays valid (at least this long, rounded up to the hour)
 * @param signingKey the key that signs media addresses; empty: a random key kept in {@code <data-dir>/media-signing.key}
 *     (set the same key on every instance)
 */
@ConfigurationProperties("sapere.video")
public record VideoProperties(
        @DefaultValue("ffmpeg") String ffmpeg,
        @DefaultValue("ffprobe") String ffprobe,
        @DefaultValue("veryfast") String preset,
        @DefaultValue("0") int threads,
        @DefaultValue("4") int segmentSeconds,
        @DefaultValue("1080") int maxHeight,
        @DefaultValue("8GB") DataSize maxUploadSize,
        @DefaultValue("32MB") DataSize maxChunkSize,
        @Nullable Path uploadDir,
        @DefaultValue("24h") Duration abandonedUploadsAfter,
        @DefaultValue("6h") Duration urlLifetime,
        @Nullable String signingKey) {}
