package org.sapere.credential;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sapere.course.CourseAuthoring;
import org.sapere.credential.domain.Issuers;
import org.sapere.identity.IdentityDirectory;

/**
 * Credentials as Sapere issues them to the generated learner {@code learner059}, for a few demo courses chosen for
 * their variety (ECTS as a fraction and as a whole number, EQF level, outcomes, German and Italian text), read back
 * over public HTTP with the issuer's DID document, as an outside verifier would get them.
 */
record IssuedSamples(Credentials credentials, IdentityDirectory identity, CourseAuthoring courses, int port) {

    static final String LEARNER = "learner059@learners.sapere.test";

    /** Demo courses whose credentials the tests check. */
    static final List<String> COURSES = List.of(
            "circular-product-design",
            "project-management-essentials",
            "nachhaltige-energiesysteme",
            "intelligenza-artificiale-per-tutti");

    /** An issued credential: its JSON exactly as served, and the documents a verifier needs (the DID document). */
    record Issued(String course, String json, String did, Map<String, String> documents) {}

    /** Issues (or finds, issuing is idempotent) the learner's credential for the course and fetches it. */
    Issued issued(String courseSlug) {
        var learner = identity.accountByEmail(LEARNER).orElseThrow();
        var course = courses.outlineBySlug(courseSlug).orElseThrow();
        var id = credentials.issue(learner, course.id(), course.version(), Instant.parse("2025-06-02T09:30:00Z"));
        var json = get("/credentials/" + id + ".json");
        var methodId = Json.createReader(new StringReader(json))
                .readObject()
                .getJsonObject("proof")
                .getString("verificationMethod");
        var slug = Issuers.parse(methodId).orElseThrow().organisationSlug();
        var did = Issuers.controller(methodId);
        var document = get("/organisations/" + slug + "/did.json");
        keep(courseSlug, json, document);
        return new Issued(courseSlug, json, did, Map.of(did, document));
    }

    /** Leaves a copy in target/credential-samples, for running the Node verifier by hand. */
    private static void keep(String course, String json, String didDocument) {
        try {
            var dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "credential-samples"));
            java.nio.file.Files.writeString(dir.resolve(course + ".json"), json);
            java.nio.file.Files.writeString(dir.resolve(course + ".did.json"), didDocument);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String get(String path) {
        try (var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
