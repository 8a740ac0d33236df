package org.sapere.assessment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Many people's browsers on one HTTP client: each {@link Session} is a session cookie and the CSRF token of the last
 * page it read, so a thousand learners need a thousand cookies, not a thousand clients. Redirects are not followed
 * (a submission answers 302).
 */
final class BenchmarkBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    private final String base;

    BenchmarkBrowser(int port) {
        base = "http://127.0.0.1:" + port;
    }

    /** A signed-in person's session cookie ({@code JSESSIONID=…}) and a CSRF token for their next form. */
    record Session(String cookie, String csrf) {}

    /** Signs in with a password, then reads {@code page} (as a person would) for its form's CSRF token. */
    Session signIn(String email, String password, String page) throws IOException, InterruptedException {
        var login = send(HttpRequest.newBuilder(uri("/login")), "");
        var cookie = cookie(login, "");
        var posted = send(
                post("/login", List.of(Map.entry("username", email), Map.entry("password", password)), csrf(login)),
                cookie);
        var location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in " + email + ": " + posted.statusCode() + " " + location);
        }
        cookie = cookie(posted, cookie);
        var read = get(new Session(cookie, ""), page);
        if (read.statusCode() != 200) {
            throw new IllegalStateException(email + " reading " + page + ": " + read.statusCode());
        }
        return new Session(cookie, csrf(read));
    }

    HttpResponse<String> get(Session session, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)), session.cookie());
    }

    HttpResponse<byte[]> getBytes(Session session, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Cookie", session.cookie())
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form (a field may repeat, as check boxes do) with the session's CSRF token. */
    HttpResponse<String> post(Session session, String path, List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        return send(post(path, fields, session.csrf()), session.cookie());
    }

    private HttpRequest.Builder post(String path, List<Map.Entry<String, String>> fields, String csrf) {
        var body = fields.stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(csrf);
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie)
            throws IOException, InterruptedException {
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie a response sets (a new one after signing in), or the one the request had. */
    private static String cookie(HttpResponse<?> response, String had) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst()
                .orElse(had);
    }

    private static String csrf(HttpResponse<String> page) {
        var matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF field on " + page.uri());
        }
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
