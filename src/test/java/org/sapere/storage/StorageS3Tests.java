package org.sapere.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.storage.s3.S3MediaStorage;
import org.sapere.support.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The storage contract on the S3 adapter, against a real S3-compatible server (S3Proxy) running as its own process.
 * Parts are at S3's minimum of 5 MiB, so the tests' uploads span several parts.
 */
@Tag("process")
class StorageS3Tests extends StorageContract {

    static S3ProxyServer server;
    static S3Client s3;
    static S3MediaStorage storage;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start();
        s3 = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        storage = new S3MediaStorage(s3, "sapere-test", S3MediaStorage.MIN_PART_SIZE);
        storage.createBucketIfMissing();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Override
    void assertNothingLeftBehind(StorageKey key) {
        assertThat(storage.unfinishedUploads())
                .as("multipart uploads neither completed nor aborted")
                .isEmpty();
    }

    @Test
    void creatingTheBucketTwiceIsHarmless() {
        storage.createBucketIfMissing();

        storage.checkWritable();
    }
}
