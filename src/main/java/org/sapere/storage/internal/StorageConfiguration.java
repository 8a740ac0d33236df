package org.sapere.storage.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.local.LocalMediaStorage;
import org.sapere.storage.s3.S3MediaStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Chooses the storage adapter by {@code sapere.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "sapere.storage.type", havingValue = "local", matchIfMissing = true)
    MediaStorage localMediaStorage(StorageProperties properties, @Value("${sapere.data-dir:./data}") Path dataDir) {
        var root = properties.local().root();
        var storage = new LocalMediaStorage(root != null ? root : dataDir.resolve("media"));
        Thread.ofVirtual().name("media-leftovers").start(() -> removeLeftovers(storage));
        return storage;
    }

    /** Runs beside start-up: walking a large media folder must not delay it. */
    private static void removeLeftovers(LocalMediaStorage storage) {
        try {
            var removed = storage.removeLeftovers(Duration.ofHours(1));
            if (removed > 0) {
                log.info("Removed {} temporary files left in {} by an interrupted write", removed, storage.root());
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove leftover temporary files: {}", e.getMessage());
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "sapere.storage.type", havingValue = "s3")
    S3Client storageS3Client(StorageProperties properties) {
        return s3Client(properties.s3());
    }

    @Bean
    @ConditionalOnProperty(name = "sapere.storage.type", havingValue = "s3")
    MediaStorage s3MediaStorage(S3Client storageS3Client, StorageProperties properties) {
        var settings = properties.s3();
        var storage = new S3MediaStorage(
                storageS3Client,
                settings.bucket(),
                Math.toIntExact(settings.partSize().toBytes()));
        if (settings.createBucket()) {
            storage.createBucketIfMissing();
        }
        return storage;
    }

    /** An S3 client that suits S3-compatible stores as well as AWS. */
    static S3Client s3Client(StorageProperties.S3 settings) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: several S3-compatible stores reject the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var endpoint = settings.endpoint();
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
        var accessKey = settings.accessKey();
        var secretKey = settings.secretKey();
        if (accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
