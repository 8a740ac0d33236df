package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route, with every one of its parameters and path variables set to malformed values, as a signed-in
 * platform admin (who reaches the most code): never a 5xx, and the database does not change.
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class MalformedInputTests {

    private static final List<String> MALFORMED = List.of(
            "x".repeat(10_000),
            "",
            " ",
            "\u0000\u0001\u001f",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "../../etc/passwd",
            "-1",
            "99999999999999999999",
            "%C3%28",
            "😀\uD800",
            "{\"a\":",
            "null");

    /** Tables whose contents may change while requests are refused: logs and queues. */
    private static final List<String> VOLATILE = List.of(
            "identity.audit_event",
            "identity.sign_in_failure",
            // A WebAuthn user handle is made the first time a person asks to add a passkey (no parameters involved).
            "identity.passkey_user",
            "notification.dev_mail",
            "public.event_publication",
            "public.event_publication_archive");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityDirectory identity;

    @Test
    void malformedValuesNeverCauseA5xxNorChangeTheDatabase() throws Exception {
        var admin = new SignedInUser(
                identity.accountByEmail("admin@sapere.example").orElseThrow(),
                "admin@sapere.example",
                "Admin",
                null,
                true,
                true);
        var before = snapshot();
        var failures = new ArrayList<String>();
        var requests = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            var params = new ArrayList<String>();
            for (var parameter : entry.getValue().getMethodParameters()) {
                var annotation =
                        AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), RequestParam.class);
                if (annotation != null) {
                    params.add(
                            annotation.name().isEmpty()
                                    ? parameter.getParameter().getName()
                                    : annotation.name());
                }
            }
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? List.of("GET")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .toList();
            for (var pattern : info.getPatternValues()) {
                if (pattern.startsWith("/xapi")) {
                    continue; // the record store has its own validation suite (LrsHttpTests, ADL's suite)
                }
                for (var method : methods) {
                    for (var value : MALFORMED) {
                        var path = pattern.replaceAll(
                                "\\{[^}]+}",
                                java.net.URLEncoder.encode(
                                                value.isEmpty() ? "x" : value, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("+", "%20"));
                        var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                                .with(user(admin))
                                .with(csrf());
                        for (var param : params) {
                            request = request.param(param, value);
                        }
                        requests++;
                        try {
                            var status = mvc.perform(request)
                                    .andReturn()
                                    .getResponse()
                                    .getStatus();
                            if (status >= 500) {
                                failures.add(method + " " + pattern + " with " + abbreviate(value) + " → " + status);
                            }
                        } catch (Exception e) {
                            failures.add(method + " " + pattern + " with " + abbreviate(value) + " → " + e);
                        }
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(300);
        assertThat(failures).as("requests answered with a server error").isEmpty();
        assertThat(snapshot()).as("database contents").isEqualTo(before);
    }

    /** A digest of every table's contents, except logs and queues. */
    private Map<String, String> snapshot() {
        var tables = jdbc.sql("""
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND table_name NOT LIKE 'flyway%' ORDER BY 1""").query(String.class).list();
        var digest = new LinkedHashMap<String, String>();
        for (var table : tables) {
            if (VOLATILE.contains(table)) {
                continue;
            }
            digest.put(
                    table,
                    jdbc.sql("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM " + table + " t")
                            .query(String.class)
                            .single());
        }
        return digest;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }
}
