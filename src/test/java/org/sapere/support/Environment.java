package org.sapere.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (Chromium, ffmpeg, ../shared) call {@link #require}: where it is
 * missing they are skipped with a loud message, except under CI=true, where they fail.
 */
public final class Environment {

    private Environment() {}

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(String what, boolean present, String howToInstall) {
        if (present) {
            return;
        }
        var message = "\n" + "!".repeat(78) + "\n!! SKIPPED: " + what + " is not available. " + howToInstall + "\n"
                + "!".repeat(78);
        if (ci()) {
            throw new AssertionError(what + " is required when CI=true. " + howToInstall);
        }
        System.err.println(message);
        Assumptions.abort(message);
    }

    public static Path chromium() {
        var path = Path.of(System.getenv().getOrDefault("SAPERE_CHROMIUM", "/usr/bin/chromium"));
        require(
                "Chromium (" + path + ")",
                Files.isExecutable(path),
                "Install it with: sudo apt-get install -y chromium (or set SAPERE_CHROMIUM).");
        return path;
    }
}
