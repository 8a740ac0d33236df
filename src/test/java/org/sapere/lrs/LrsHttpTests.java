package org.sapere.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The record store as a client sees it over HTTP, clause by clause of xAPI 1.0.3 Communication. */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LrsHttpTests {

    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString("demo-lrs-client:demo-lrs-secret-2026".getBytes(StandardCharsets.UTF_8));

    @org.springframework.beans.factory.annotation.Autowired
    org.sapere.identity.domain.TwoFactor twoFactor;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static String statement(String id, String mbox, String verb) {
        return """
                {"id":"%s","actor":{"mbox":"mailto:%s"},"verb":{"id":"%s","display":{"en-US":"did","it":"fatto"}},
                 "object":{"id":"http://example.org/activities/%s"}}""".formatted(id, mbox, verb, id);
    }

    private HttpRequest.Builder xapi(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi" + path))
                .header("Authorization", AUTH)
                .header("X-Experience-API-Version", "1.0.3");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(xapi(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpResponse<String> put(String path, String body, String... headers) throws Exception {
        var builder = xapi(path).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(xapi(path).GET().build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aboutIsPublicAndEveryAnswerCarriesTheVersion() throws Exception {
        var about = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/about"))
                .build());
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body()).contains("1.0.3");
        assertThat(about.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
    }

    @Test
    void statementsNeedCredentialsAndTheVersionHeader() throws Exception {
        var anonymous = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/statements"))
                .header("X-Experience-API-Version", "1.0.3")
                .build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var wrongSecret = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/statements"))
                .header("X-Experience-API-Version", "1.0.3")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-lrs-client:x".getBytes()))
                .build());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).startsWith("{");
        var noVersion = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/statements"))
                .header("Authorization", AUTH)
                .build());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        var wrongVersion = send(
                xapi("/statements").setHeader("X-Experience-API-Version", "0.9").build());
        assertThat(wrongVersion.statusCode()).isIn(400);
    }

    @Test
    void putStoresAStatementOnceAndAConflictingOneGets409() throws Exception {
        var id = UUID.randomUUID().toString();
        var json = statement(id, "put@example.org", "http://example.org/verbs/did");
        assertThat(put("/statements?statementId=" + id, json).statusCode()).isEqualTo(204);
        assertThat(put("/statements?statementId=" + id, json).statusCode()).isEqualTo(204);
        var different = statement(id, "other@example.org", "http://example.org/verbs/did");
        assertThat(put("/statements?statementId=" + id, different).statusCode()).isEqualTo(409);
        var stored = get("/statements?statementId=" + id);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("put@example.org", "\"stored\"", "\"authority\"");
        assertThat(stored.headers().firstValue("Last-Modified")).isPresent();
        assertThat(stored.headers().firstValue("X-Experience-API-Consistent-Through"))
                .isPresent();
    }

    @Test
    void putWithoutStatementIdOrWithADifferentIdIsRefused() throws Exception {
        var id = UUID.randomUUID().toString();
        assertThat(put("/statements", statement(id, "a@example.org", "http://x.org/v"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(put("/statements?statementId=" + UUID.randomUUID(), statement(id, "a@example.org", "http://x.org/v"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBatchWithOneInvalidStatementStoresNothing() throws Exception {
        var good = UUID.randomUUID().toString();
        var batch = "[" + statement(good, "batch@example.org", "http://x.org/v")
                + ",{\"actor\":{\"mbox\":\"no-mailto@example.org\"},\"verb\":{\"id\":\"http://x.org/v\"},"
                + "\"object\":{\"id\":\"http://x.org/a\"}}]";
        var response = post("/statements", batch);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("mbox");
        assertThat(get("/statements?statementId=" + good).statusCode()).isEqualTo(404);
    }

    @Test
    void aBatchReturnsTheIdsInOrder() throws Exception {
        var first = UUID.randomUUID().toString();
        var second = UUID.randomUUID().toString();
        var response = post(
                "/statements",
                "[" + statement(first, "b@example.org", "http://x.org/v") + ","
                        + statement(second, "b@example.org", "http://x.org/v") + "]");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
    }

    @Test
    void voidingHidesTheStatementButKeepsItUnderVoidedStatementId() throws Exception {
        var id = UUID.randomUUID().toString();
        post("/statements", statement(id, "void@example.org", "http://x.org/v"));
        var voiding = """
                {"actor":{"mbox":"mailto:void@example.org"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},
                 "object":{"objectType":"StatementRef","id":"%s"}}""".formatted(id);
        assertThat(post("/statements", voiding).statusCode()).isEqualTo(200);
        assertThat(get("/statements?statementId=" + id).statusCode()).isEqualTo(404);
        assertThat(get("/statements?voidedStatementId=" + id).statusCode()).isEqualTo(200);
        var query = get("/statements?agent=" + enc("{\"mbox\":\"mailto:void@example.org\"}"));
        assertThat(count(query.body())).as("only the voiding statement").isEqualTo(1);
        assertThat(query.body()).contains("StatementRef");
    }

    @Test
    void queriesFilterByAgentVerbAndActivityAndPageWithMore() throws Exception {
        var mbox = "pager-" + UUID.randomUUID() + "@example.org";
        var verb = "http://example.org/verbs/paged";
        var batch = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            batch.append(i == 0 ? "" : ",").append(statement(UUID.randomUUID().toString(), mbox, verb));
        }
        post("/statements", batch.append("]").toString());
        post("/statements", statement(UUID.randomUUID().toString(), mbox, "http://example.org/verbs/other"));
        var agent = enc("{\"mbox\":\"mailto:" + mbox + "\"}");
        var page = get("/statements?agent=" + agent + "&verb=" + enc(verb) + "&limit=3");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(count(page.body())).isEqualTo(3);
        var more = Pattern.compile("\"more\":\"([^\"]+)\"").matcher(page.body());
        assertThat(more.find()).isTrue();
        var next = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + more.group(1)))
                .header("Authorization", AUTH)
                .header("X-Experience-API-Version", "1.0.3")
                .build());
        assertThat(count(next.body())).isEqualTo(2);
        assertThat(next.body()).contains("\"more\":\"\"");
        assertThat(count(get("/statements?agent=" + agent).body())).isEqualTo(6);
    }

    @Test
    void theIdsFormatKeepsOnlyIdentifiersAndCanonicalOneLanguage() throws Exception {
        var id = UUID.randomUUID().toString();
        post("/statements", statement(id, "format@example.org", "http://x.org/v"));
        assertThat(get("/statements?statementId=" + id + "&format=ids").body()).doesNotContain("display");
        var canonical = send(xapi("/statements?statementId=" + id + "&format=canonical")
                .header("Accept-Language", "it")
                .build());
        assertThat(canonical.body()).contains("fatto").doesNotContain("\"did\"");
    }

    @Test
    void unknownParametersAndMalformedJsonAre400() throws Exception {
        assertThat(get("/statements?foo=bar").statusCode()).isEqualTo(400);
        assertThat(post("/statements", "{not json").statusCode()).isEqualTo(400);
        assertThat(get("/statements?statementId=" + UUID.randomUUID() + "&verb=http://x.org/v")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void documentsFollowTheETagRules() throws Exception {
        var path =
                "/activities/profile?activityId=" + enc("http://example.org/a/" + UUID.randomUUID()) + "&profileId=p1";
        assertThat(put(path, "{\"a\":1}").statusCode())
                .as("no precondition, no document")
                .isEqualTo(400);
        assertThat(put(path, "{\"a\":1}", "If-None-Match", "*").statusCode()).isEqualTo(204);
        assertThat(put(path, "{\"a\":2}").statusCode())
                .as("no precondition, a document")
                .isEqualTo(409);
        var document = get(path);
        var etag = document.headers().firstValue("ETag").orElseThrow();
        assertThat(put(path, "{\"a\":2}", "If-Match", "\"nope\"").statusCode()).isEqualTo(412);
        assertThat(put(path, "{\"a\":2}", "If-None-Match", "*").statusCode()).isEqualTo(412);
        assertThat(put(path, "{\"a\":2}", "If-Match", etag).statusCode()).isEqualTo(204);
        var merged = send(xapi(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"b\":3}"))
                .build());
        assertThat(merged.statusCode()).isEqualTo(204);
        assertThat(get(path).body()).contains("\"a\":2", "\"b\":3");
    }

    @Test
    void stateDocumentsAreKeptPerAgentAndDeletedTogether() throws Exception {
        var scope = "/activities/state?activityId=" + enc("http://example.org/a/" + UUID.randomUUID()) + "&agent="
                + enc("{\"mbox\":\"mailto:state@example.org\"}");
        assertThat(put(scope + "&stateId=s1", "{\"x\":1}").statusCode()).isEqualTo(204);
        assertThat(put(scope + "&stateId=s2", "{\"x\":2}").statusCode()).isEqualTo(204);
        assertThat(get(scope).body()).isEqualTo("[\"s1\",\"s2\"]");
        assertThat(send(xapi(scope).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(get(scope).body()).isEqualTo("[]");
    }

    @Test
    void theAlternateRequestSyntaxCarriesHeadersAndContentInAForm() throws Exception {
        var id = UUID.randomUUID().toString();
        var form = "statementId=" + id + "&Authorization=" + enc(AUTH) + "&X-Experience-API-Version=1.0.3"
                + "&Content-Type=application/json&content=" + enc(statement(id, "alt@example.org", "http://x.org/v"));
        var response =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/statements?method=PUT"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(get("/statements?statementId=" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void attachmentsTravelAsMultipartMixedAndAreCheckedBySha2() throws Exception {
        var content = "hello attachment".getBytes(StandardCharsets.UTF_8);
        var sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        var id = UUID.randomUUID().toString();
        var json = """
                {"id":"%s","actor":{"mbox":"mailto:att@example.org"},"verb":{"id":"http://x.org/v"},
                 "object":{"id":"http://x.org/a"},"attachments":[{"usageType":"http://x.org/usage",
                 "display":{"en":"text"},"contentType":"text/plain","length":%d,"sha2":"%s"}]}""".formatted(id, content.length, sha2);
        var missing = post("/statements", json);
        assertThat(missing.statusCode()).isEqualTo(400);
        var body = "--b\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--b\r\nContent-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: " + sha2 + "\r\n\r\n"
                + new String(content, StandardCharsets.UTF_8) + "\r\n--b--\r\n";
        var response = send(xapi("/statements")
                .header("Content-Type", "multipart/mixed; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        var withAttachments = get("/statements?statementId=" + id + "&attachments=true");
        assertThat(withAttachments.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/mixed");
        assertThat(withAttachments.body()).contains("hello attachment");
    }

    @Test
    void theActivitiesResourceMergesTheDefinitionsOfStatements() throws Exception {
        var activity = "http://example.org/activities/merged-" + UUID.randomUUID();
        for (var name : new String[] {"{\"en-US\":\"meeting\"}", "{\"it\":\"riunione\"}"}) {
            var json = """
                    {"actor":{"mbox":"mailto:def@example.org"},"verb":{"id":"http://x.org/v"},
                     "object":{"id":"%s","definition":{"name":%s}}}""".formatted(activity, name);
            assertThat(post("/statements", json).statusCode()).isEqualTo(200);
        }
        assertThat(get("/activities?activityId=" + enc(activity)).body()).contains("meeting", "riunione");
        var inOneBatch = "http://example.org/activities/batch-" + UUID.randomUUID();
        var batch = """
                [{"actor":{"mbox":"mailto:def@example.org"},"verb":{"id":"http://x.org/v"},
                  "object":{"id":"%1$s","definition":{"name":{"en-US":"meeting"}}}},
                 {"actor":{"mbox":"mailto:def@example.org"},"verb":{"id":"http://x.org/v"},
                  "object":{"id":"%1$s","definition":{"name":{"fr-FR":"réunion"}}}}]""".formatted(inOneBatch);
        assertThat(post("/statements", batch).statusCode()).isEqualTo(200);
        assertThat(get("/activities?activityId=" + enc(inOneBatch)).body()).contains("meeting", "réunion");
    }

    @Test
    void anEmptyBatchIsRefused() throws Exception {
        assertThat(post("/statements", "[]").statusCode()).isEqualTo(400);
    }

    @Test
    void adminsCreateListAndRevokeCredentials() throws Exception {
        var login = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build());
        var token = csrf(login.body());
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=admin%40sapere.example&password=sapere-demo-2026&_csrf=" + enc(token)))
                .build());
        // Admins sign in with a second factor; other tests may have used this 30-second step's code already.
        jdbc.sql("UPDATE identity.account SET totp_last_step = 0 WHERE email = 'admin@sapere.example'")
                .update();
        var totpKey = jdbc.sql("SELECT totp_secret FROM identity.account WHERE email = 'admin@sapere.example'")
                .query(String.class)
                .single();
        var codePage = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login/two-factor"))
                .build());
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login/two-factor"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "code=" + twoFactor.currentCode(totpKey) + "&_csrf=" + enc(csrf(codePage.body()))))
                .build());
        var page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/lrs"))
                .build());
        assertThat(page.statusCode()).isEqualTo(200);
        var created = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/lrs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "name=Quiz+app&canRead=true&canWrite=true&_csrf=" + enc(csrf(page.body()))))
                .build());
        assertThat(created.statusCode()).isEqualTo(200);
        var codes = Pattern.compile("<dd><code>([^<]+)</code></dd>").matcher(created.body());
        assertThat(codes.find()).isTrue();
        var key = codes.group(1);
        assertThat(codes.find()).isTrue();
        var secret = codes.group(1);
        var auth = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var works = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/statements?limit=1"))
                .header("Authorization", auth)
                .header("X-Experience-API-Version", "1.0.3")
                .build());
        assertThat(works.statusCode()).isEqualTo(200);
        var revoke = Pattern.compile("action=\"(/admin/lrs/[^\"]+/revoke)\"").matcher(created.body());
        assertThat(revoke.find()).isTrue();
        send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + revoke.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf(created.body()))))
                .build());
        var refused = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/xapi/statements?limit=1"))
                .header("Authorization", auth)
                .header("X-Experience-API-Version", "1.0.3")
                .build());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static int count(String body) {
        return body.split("\"stored\"", -1).length - 1;
    }
}
