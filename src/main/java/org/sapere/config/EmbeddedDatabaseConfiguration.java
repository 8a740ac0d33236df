package org.sapere.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs PostgreSQL inside the application when no database URL is configured, with its data under
 * {@code sapere.data-dir}. Unlike the library's test defaults, every acknowledged write reaches the disk.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${sapere.db.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SapereProperties properties) throws IOException {
        if (properties.db().embeddedEphemeral()) {
            // Tests: a fresh server in a temporary folder, removed on close; durability settings do not matter.
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        }
        var dir = properties.dataDir().resolve("pg").toAbsolutePath();
        Files.createDirectories(dir);
        LeftoverServer.stopIfOrphaned(dir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (properties.db().embeddedPort() > 0) {
            builder.setPort(properties.db().embeddedPort());
        }
        var postgres = builder.start();
        LeftoverServer.claim(dir);
        return postgres;
    }

    /** Closed before the server stops, because it depends on it. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("sapere-embedded");
        return ds;
    }
}
