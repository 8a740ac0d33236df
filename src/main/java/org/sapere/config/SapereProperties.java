package org.sapere.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sapere's own settings ({@code sapere.*}, or environment variables such as {@code SAPERE_DB_URL}).
 *
 * @param dataDir where the embedded database and (later) media live
 * @param db the database; without a URL the embedded PostgreSQL runs under {@code dataDir} (or, ephemeral, in a
 *     throw-away folder for tests)
 * @param demo whether demo content is loaded into an empty database, and how many extra generated learners
 */
@ConfigurationProperties("sapere")
public record SapereProperties(Path dataDir, Db db, Demo demo) {

    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            int embeddedPort,
            boolean embeddedEphemeral) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Demo(boolean enabled, int extraLearners) {}
}
