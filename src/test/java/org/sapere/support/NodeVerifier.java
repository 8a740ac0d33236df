package org.sapere.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent Node.js credential verifier in {@code src/test/node/credential-verifier} (installing its
 * locked dependencies with {@code npm ci} on first use); where Node or the install is missing, tests are skipped
 * loudly, or fail under CI=true.
 */
public final class NodeVerifier {

    public static final Path DIRECTORY = Path.of("src", "test", "node", "credential-verifier");

    private static final String HOW =
            "Install Node.js 20+ with npm (e.g. sudo apt-get install -y nodejs npm) and let the test run"
                    + " 'npm ci' in " + DIRECTORY + " (it needs the npm registry once).";

    private static boolean installed;

    /** What the verifiers said; {@code thirdParty*} are empty/false when the third-party stack did not run. */
    public record Result(
            int exitCode,
            boolean ownVerified,
            String ownReason,
            String ownDetail,
            boolean thirdPartyRan,
            boolean thirdPartyVerified,
            List<String> thirdPartyErrors,
            List<String> thirdPartySkipped,
            String canonicalDocument,
            String canonicalProof,
            String output) {

        public boolean allVerified() {
            return exitCode == 0 && ownVerified && (!thirdPartyRan || thirdPartyVerified);
        }
    }

    private NodeVerifier() {}

    /** Skips (or under CI=true fails) the calling test unless Node and the verifier's dependencies are there. */
    public static synchronized void require() {
        if (installed) {
            return;
        }
        Environment.require("node (Node.js)", works("node", "--version"), HOW);
        if (!Files.isDirectory(DIRECTORY.resolve("node_modules"))) {
            Environment.require("npm", works("npm", "--version"), HOW);
            var install = run(
                    List.of("npm", "ci", "--no-audit", "--no-fund"), DIRECTORY, 300, "npm ci (credential verifier)");
            Environment.require(
                    "the Node credential verifier's dependencies (npm ci exited " + install.exitCode + ")",
                    install.exitCode == 0,
                    HOW + "\n" + install.output);
        }
        installed = true;
    }

    /**
     * Verifies {@code credential} (JSON text) with the Node verifiers. {@code documents} maps URLs to JSON text
     * the offline document loader may serve besides the two published contexts (DID documents, extra contexts).
     * With {@code issuerCheck} false, the credential's issuer need not be the key's controller.
     */
    public static Result verify(
            String credential, Map<String, String> documents, boolean issuerCheck, boolean thirdParty) {
        require();
        try {
            var work = Files.createTempDirectory("sapere-node-verify");
            try {
                var input = Files.writeString(work.resolve("credential.json"), credential, StandardCharsets.UTF_8);
                var canonical = work.resolve("canonical.nq");
                var canonicalProof = work.resolve("canonical-proof.nq");
                var command = new ArrayList<>(List.of(
                        "node",
                        "verify.mjs",
                        input.toAbsolutePath().toString(),
                        "--canonical-out",
                        canonical.toAbsolutePath().toString(),
                        "--canonical-proof-out",
                        canonicalProof.toAbsolutePath().toString()));
                var n = 0;
                for (var document : documents.entrySet()) {
                    var file = Files.writeString(
                            work.resolve("document-" + n++ + ".json"), document.getValue(), StandardCharsets.UTF_8);
                    command.add("--document");
                    command.add(document.getKey() + "=" + file.toAbsolutePath());
                }
                if (!issuerCheck) {
                    command.add("--skip-issuer-check");
                }
                if (!thirdParty) {
                    command.add("--no-third-party");
                }
                var run = run(command, DIRECTORY, 120, "node verify.mjs");
                return parse(run, read(canonical), read(canonicalProof));
            } finally {
                try (var files = Files.list(work)) {
                    for (var file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result parse(Run run, String canonical, String canonicalProof) {
        var lines = run.output.lines().filter(l -> l.startsWith("{")).toList();
        if (lines.isEmpty() || run.exitCode > 1) {
            throw new AssertionError("The Node verifier failed (exit " + run.exitCode + "):\n" + run.output);
        }
        var json = Json.createReader(new StringReader(lines.getLast())).readObject();
        var own = json.getJsonObject("ownVerifier");
        var third = json.getJsonObject("thirdParty");
        return new Result(
                run.exitCode,
                own.getBoolean("verified"),
                own.getString("reason", ""),
                text(own, "detail"),
                third != null,
                third != null && third.getBoolean("verified"),
                third == null ? List.of() : strings(third, "errors"),
                third == null ? List.of() : strings(third, "skipped"),
                canonical,
                canonicalProof,
                run.output);
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : "";
    }

    private static List<String> strings(JsonObject object, String name) {
        var array = object.getJsonArray(name);
        return array == null
                ? List.of()
                : array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command, Path directory, int seconds, String what) {
        try {
            var process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            var output = new StringBuilder();
            var reader = Thread.ofVirtual().start(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append(e);
                }
            });
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(what + " did not finish within " + seconds + " s");
            }
            reader.join();
            return new Run(process.exitValue(), output.toString());
        } catch (IOException e) {
            return new Run(-1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean works(String program, String argument) {
        try {
            var p = new ProcessBuilder(program, argument)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
