package org.sapere.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server (S3Proxy on a filesystem blob store) in a process of its own, bound to 127.0.0.1 on a
 * free port. The build copies its jar to {@code target/s3proxy/s3proxy.jar}; where it is missing or does not start,
 * {@link #start} skips the test loudly (or fails it under CI=true, see {@link Environment}).
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "sapere-test";
    public static final String SECRET_KEY = "sapere-test-secret";

    private static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final Path work;
    private final Thread stopOnExit = new Thread(this::stop, "s3proxy-stop");

    private S3ProxyServer(Process process, URI endpoint, Path work) {
        this.process = process;
        this.endpoint = endpoint;
        this.work = work;
        // Should the test JVM end without @AfterAll (a timeout, Ctrl-C), the server goes with it.
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static S3ProxyServer start() {
        Environment.require(
                "S3Proxy (" + JAR + ")",
                Files.isRegularFile(JAR),
                "The build copies it there: run the tests through Maven (./mvnw test), not only from an IDE.");
        S3ProxyServer server = null;
        String problem = null;
        try {
            server = launch();
            problem = server.awaitAnswer();
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = e.toString();
        }
        if (problem != null && server != null) {
            problem += "\n" + server.logTail();
            server.close();
        }
        Environment.require("S3Proxy (a local S3-compatible server)", problem == null, "It did not start: " + problem);
        return server;
    }

    private static S3ProxyServer launch() throws IOException {
        var work = Files.createDirectories(
                Path.of("target/s3proxy-run", UUID.randomUUID().toString()));
        var blobs = Files.createDirectories(work.resolve("blobs"));
        var port = freePort();
        var endpoint = URI.create("http://127.0.0.1:" + port);
        var properties = work.resolve("s3proxy.properties");
        Files.writeString(properties, """
                s3proxy.endpoint=%s
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=filesystem-nio2
                jclouds.identity=local
                jclouds.credential=local
                jclouds.filesystem.basedir=%s
                """.formatted(endpoint, ACCESS_KEY, SECRET_KEY, blobs.toAbsolutePath()));
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = work.resolve("s3proxy.log");
        var process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx256m",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--properties",
                        properties.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new S3ProxyServer(process, endpoint, work);
    }

    /** Null once the server answers HTTP (any status); otherwise why not. */
    private String awaitAnswer() throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "the process exited with " + process.exitValue();
            }
            try {
                http.send(
                        HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return null;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        return "no answer at " + endpoint + " within " + START_TIMEOUT.toSeconds() + " s";
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private String logTail() {
        try {
            var lines = Files.readAllLines(work.resolve("s3proxy.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the process (by its own pid, and its children) and removes its blobs. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // only disk space under target/ is lost
        }
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
