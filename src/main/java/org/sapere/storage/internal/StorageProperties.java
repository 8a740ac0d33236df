package org.sapere.storage.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sapere.storage.*}: which adapter stores media, and its settings (environment variables such as
 * {@code SAPERE_STORAGE_S3_BUCKET} work too).
 *
 * @param type {@code local} (default) or {@code s3}
 */
@ConfigurationProperties("sapere.storage")
public record StorageProperties(
        @DefaultValue("local") Type type,
        @DefaultValue Local local,
        @DefaultValue S3 s3) {

    public enum Type {
        LOCAL,
        S3
    }

    /** @param root the media folder; empty means {@code <sapere.data-dir>/media} */
    public record Local(@Nullable Path root) {}

    /**
     * @param endpoint the store's URL, e.g. {@code http://127.0.0.1:9000}; empty means AWS itself
     * @param region the signing region; most S3-compatible stores accept any
     * @param bucket the bucket that holds Sapere's media
     * @param accessKey with {@code secretKey}; both empty means the AWS SDK's default credentials chain
     * @param pathStyle {@code true} addresses buckets as {@code endpoint/bucket/key} (most self-hosted stores)
     * @param partSize the size of each part of a multipart upload (at least 5 MB): one part is held in memory
     * @param createBucket create the bucket at start-up if it is missing (development stores)
     */
    public record S3(
            @Nullable String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("sapere-media") String bucket,
            @Nullable String accessKey,
            @Nullable String secretKey,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("8MB") DataSize partSize,
            @DefaultValue("false") boolean createBucket) {}
}
