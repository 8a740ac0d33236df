package org.sapere.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.local.LocalMediaStorage;
import org.sapere.storage.s3.S3MediaStorage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code sapere.storage.type} picks the adapter; the health indicator tells whether it is writable. */
class StorageWiringTests {

    @TempDir
    Path dataDir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
    static class Properties {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StorageConfiguration.class, StorageHealthIndicator.class);

    @Test
    void localFilesUnderTheDataFolderByDefault() {
        runner.withPropertyValues("sapere.data-dir=" + dataDir).run(context -> {
            var storage = context.getBean(MediaStorage.class);
            assertThat(storage).isInstanceOf(LocalMediaStorage.class);
            assertThat(((LocalMediaStorage) storage).root())
                    .isEqualTo(dataDir.resolve("media").toRealPath());
            assertThat(context.getBean(StorageHealthIndicator.class)
                            .health(true)
                            .getStatus())
                    .isEqualTo(Status.UP);
        });
    }

    @Test
    void anEmptyLocalRootMeansTheDataFolder() {
        runner.withPropertyValues("sapere.data-dir=" + dataDir, "sapere.storage.local.root=")
                .run(context -> assertThat(((LocalMediaStorage) context.getBean(MediaStorage.class)).root())
                        .isEqualTo(dataDir.resolve("media").toRealPath()));
    }

    @Test
    void aLocalRootOfItsOwn() {
        runner.withPropertyValues("sapere.storage.type=local", "sapere.storage.local.root=" + dataDir.resolve("m"))
                .run(context -> assertThat(((LocalMediaStorage) context.getBean(MediaStorage.class)).root())
                        .isEqualTo(dataDir.resolve("m").toRealPath()));
    }

    @Test
    void anS3StoreByConfigurationAndItsHealthIsDownWhenUnreachable() {
        runner.withPropertyValues(
                        "sapere.storage.type=s3",
                        "sapere.storage.s3.endpoint=http://127.0.0.1:9", // discard port: nothing listens
                        "sapere.storage.s3.bucket=media",
                        "sapere.storage.s3.access-key=key",
                        "sapere.storage.s3.secret-key=secret",
                        "sapere.storage.s3.part-size=16MB")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MediaStorage.class)).isInstanceOf(S3MediaStorage.class);
                    var health = context.getBean(StorageHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                });
    }

    @Test
    void aPartSizeBelowS3sMinimumIsRefusedAtStart() {
        runner.withPropertyValues(
                        "sapere.storage.type=s3",
                        "sapere.storage.s3.endpoint=http://127.0.0.1:9",
                        "sapere.storage.s3.access-key=key",
                        "sapere.storage.s3.secret-key=secret",
                        "sapere.storage.s3.part-size=1MB")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("minimum of 5 MiB"));
    }

    @Test
    void theHealthProbeIsKeptForAFewSeconds() {
        var storage = new LocalMediaStorage(dataDir.resolve("media"));
        var clock = new MutableClock();
        var indicator = new StorageHealthIndicator(storage, clock);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        storage.root().toFile().renameTo(dataDir.resolve("gone").toFile());
        clock.advance(StorageHealthIndicator.KEEP);
        assertThat(indicator.health().getStatus()).as("kept").isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(1));
        assertThat(indicator.health().getStatus()).as("probed again").isEqualTo(Status.DOWN);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
