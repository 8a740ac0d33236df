package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route × every role, by real requests: each route found in the request mappings must have a declared
 * outcome per role here, or the build fails. ALLOWED means neither "sign in first" nor 403 (and never a 5xx).
 */
@Tag("db")
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

    enum Outcome {
        ALLOWED,
        LOGIN,
        FORBIDDEN,
        UNAUTHORIZED
    }

    enum Role {
        ANONYMOUS,
        LEARNER,
        PROFESSOR,
        SUPERVISOR,
        ORGANISATION_ADMIN,
        PLATFORM_ADMIN
    }

    private static final Map<Role, Outcome> PUBLIC = all(Outcome.ALLOWED);
    private static final Map<Role, Outcome> SIGNED_IN = signedIn(Outcome.ALLOWED);
    private static final Map<Role, Outcome> PLATFORM_ADMIN_ONLY = adminOnly();

    /** The declared outcome of every route ("METHOD pattern"). */
    private static final Map<String, Map<Role, Outcome>> DECLARED = new LinkedHashMap<>();

    static {
        DECLARED.put("GET /", PUBLIC);
        DECLARED.put("GET /courses", PUBLIC);
        DECLARED.put("GET /courses/{slug}", PUBLIC);
        DECLARED.put("GET /universities/{slug}", PUBLIC);
        DECLARED.put("GET /sitemap.xml", PUBLIC);
        DECLARED.put("GET /courses/{slug}/enrol", SIGNED_IN);
        DECLARED.put("POST /courses/{slug}/enrol", SIGNED_IN);
        DECLARED.put("POST /courses/{slug}/unenrol", SIGNED_IN);
        DECLARED.put("GET /learn", SIGNED_IN);
        DECLARED.put("GET /learn/courses/{slug}", SIGNED_IN);
        DECLARED.put("GET /learn/courses/{slug}/lessons/{lessonId}", SIGNED_IN);
        DECLARED.put("POST /learn/courses/{slug}/lessons/{lessonId}/complete", SIGNED_IN);
        DECLARED.put("GET /learn/courses/{slug}/lessons/{lessonId}/file", SIGNED_IN);
        DECLARED.put("GET /learn/courses/{slug}/offline", SIGNED_IN);
        DECLARED.put("GET /learn/minutes", SIGNED_IN);
        DECLARED.put("GET /learn/goal", SIGNED_IN);
        DECLARED.put("POST /learn/goal", SIGNED_IN);
        // The reminder mail's unsubscribe link works without signing in ({token} is unknown here: the 404 page).
        DECLARED.put("GET /learn/reminders/unsubscribe/{token}", PUBLIC);
        DECLARED.put("POST /learn/reminders/unsubscribe/{token}", PUBLIC);
        DECLARED.put("GET /account", SIGNED_IN);
        DECLARED.put("POST /account/profile", SIGNED_IN);
        DECLARED.put("POST /account/password", SIGNED_IN);
        DECLARED.put("GET /account/export", SIGNED_IN);
        DECLARED.put("GET /account/avatar", SIGNED_IN);
        DECLARED.put("POST /account/avatar", SIGNED_IN);
        DECLARED.put("POST /account/avatar/delete", SIGNED_IN);
        DECLARED.put("POST /account/delete", SIGNED_IN);
        DECLARED.put("GET /privacy", PUBLIC);
        DECLARED.put("GET /account-deleted", PUBLIC);
        // Only a sign-in that owes its second factor may use this step (tested in TwoFactorTests).
        DECLARED.put("GET /login/two-factor", signedIn(Outcome.FORBIDDEN));
        DECLARED.put("POST /login/two-factor", signedIn(Outcome.FORBIDDEN));
        DECLARED.put("GET /account/two-factor", SIGNED_IN);
        DECLARED.put("POST /account/two-factor", SIGNED_IN);
        DECLARED.put("POST /account/two-factor/disable", SIGNED_IN);
        DECLARED.put("GET /account/passkeys", SIGNED_IN);
        DECLARED.put("POST /account/passkeys/options", SIGNED_IN);
        DECLARED.put("POST /account/passkeys", SIGNED_IN);
        DECLARED.put("POST /account/passkeys/{id}/delete", SIGNED_IN);
        DECLARED.put("POST /login/passkey/options", PUBLIC);
        DECLARED.put("POST /login/passkey", PUBLIC);
        DECLARED.put("GET /account/alumni", SIGNED_IN);
        DECLARED.put("POST /account/alumni", SIGNED_IN);
        DECLARED.put("POST /account/alumni/{id}/withdraw", SIGNED_IN);
        DECLARED.put("GET /alumni/confirm", PUBLIC);
        DECLARED.put("GET /organisations/{slug}/logo", PUBLIC);
        // Credentials: verification is public; the wallet and transcript are the holder's; revoking is for admins of
        // the issuing university ({id} is unknown here: 404 for everyone signed in) and rotating keys for platform
        // admins.
        DECLARED.put("GET /verify", PUBLIC);
        DECLARED.put("POST /verify", PUBLIC);
        DECLARED.put("GET /verify/{id}", PUBLIC);
        DECLARED.put("GET /credentials/{id}.json", PUBLIC);
        DECLARED.put("GET /credentials/{id}.pdf", PUBLIC);
        DECLARED.put("GET /organisations/{slug}/did.json", PUBLIC);
        DECLARED.put("GET /organisations/{slug}/credentials/status/{list}", PUBLIC);
        DECLARED.put("GET /learners/{id}/credentials", PUBLIC);
        DECLARED.put("GET /credentials", SIGNED_IN);
        DECLARED.put("GET /credentials/recent", SIGNED_IN);
        DECLARED.put("POST /credentials/{id}/public", SIGNED_IN);
        DECLARED.put("GET /credentials/transcript.pdf", SIGNED_IN);
        DECLARED.put("GET /credentials/transcript.json", SIGNED_IN);
        DECLARED.put("GET /admin/credentials", organisationAdmins());
        DECLARED.put("POST /admin/credentials/{id}/revoke", SIGNED_IN);
        DECLARED.put("POST /admin/organisations/{slug}/keys/rotate", PLATFORM_ADMIN_ONLY);
        DECLARED.put("GET /login", PUBLIC);
        DECLARED.put("GET /register", PUBLIC);
        DECLARED.put("POST /register", PUBLIC);
        DECLARED.put("GET /verify-email", PUBLIC);
        DECLARED.put("GET /forgot-password", PUBLIC);
        DECLARED.put("POST /forgot-password", PUBLIC);
        DECLARED.put("GET /reset-password", PUBLIC);
        DECLARED.put("POST /reset-password", PUBLIC);
        DECLARED.put("GET /admin/mail", PLATFORM_ADMIN_ONLY);
        DECLARED.put("GET /admin/mail/{id}", PLATFORM_ADMIN_ONLY);
        DECLARED.put("GET /admin/audit", PLATFORM_ADMIN_ONLY);
        DECLARED.put("GET /admin/accounts", PLATFORM_ADMIN_ONLY);
        DECLARED.put("POST /admin/accounts/{id}/enabled", PLATFORM_ADMIN_ONLY);
        DECLARED.put("GET /admin/lrs", PLATFORM_ADMIN_ONLY);
        DECLARED.put("GET /admin/organisations", SIGNED_IN);
        // {slug} is TU Delft, which Anna Jansen (the organisation admin) administers.
        DECLARED.put("GET /admin/organisations/{slug}", organisationAdmins());
        DECLARED.put("POST /admin/organisations/{slug}/members", organisationAdmins());
        DECLARED.put("POST /admin/organisations/{slug}/profile", organisationAdmins());
        DECLARED.put("POST /admin/organisations/{slug}/logo", organisationAdmins());
        DECLARED.put("POST /admin/organisations/{slug}/members/{account}/revoke", organisationAdmins());
        DECLARED.put("GET /admin/organisations/{slug}/sso", organisationAdmins());
        DECLARED.put("POST /admin/organisations/{slug}/sso", organisationAdmins());
        DECLARED.put("POST /admin/lrs", PLATFORM_ADMIN_ONLY);
        DECLARED.put("POST /admin/lrs/{id}/revoke", PLATFORM_ADMIN_ONLY);
        // The xAPI API authenticates its own clients (HTTP Basic); a browser session is not a credential there.
        var api = all(Outcome.FORBIDDEN);
        api.put(Role.ANONYMOUS, Outcome.UNAUTHORIZED);
        DECLARED.put("GET /xapi/**", api);
        // Authoring: {id} is Politecnico di Milano's "Project management essentials"; Prof. Rossi teaches there.
        // Changes carry no current revision here, so the allowed ones are refused as conflicts and change nothing.
        DECLARED.put("GET /teach", SIGNED_IN);
        DECLARED.put("POST /teach/courses", SIGNED_IN);
        DECLARED.put("POST /teach/preview", SIGNED_IN);
        DECLARED.put("POST /teach/import", SIGNED_IN);
        for (var route : List.of(
                "GET /teach/courses/{id}",
                "GET /teach/courses/{id}/export",
                "GET /teach/courses/{id}/preview",
                "POST /teach/courses/{id}/details",
                "POST /teach/courses/{id}/credit",
                "POST /teach/courses/{id}/modules",
                "POST /teach/courses/{id}/modules/{moduleId}",
                "POST /teach/courses/{id}/modules/{moduleId}/move",
                "POST /teach/courses/{id}/modules/{moduleId}/delete",
                "POST /teach/courses/{id}/modules/{moduleId}/lessons",
                "GET /teach/courses/{id}/lessons/{lessonId}",
                "POST /teach/courses/{id}/lessons/{lessonId}",
                "POST /teach/courses/{id}/lessons/{lessonId}/autosave",
                "POST /teach/courses/{id}/lessons/{lessonId}/file",
                "POST /teach/courses/{id}/lessons/{lessonId}/move",
                "POST /teach/courses/{id}/lessons/{lessonId}/delete",
                "POST /teach/courses/{id}/publish",
                // A video lesson's pages ({lessonId} is a reading here: the professor gets 404, others 403).
                "GET /teach/courses/{id}/lessons/{lessonId}/video",
                "GET /teach/courses/{id}/lessons/{lessonId}/video/status",
                "POST /teach/courses/{id}/lessons/{lessonId}/video/captions",
                "POST /teach/courses/{id}/lessons/{lessonId}/video/captions/{language}/delete",
                "POST /teach/courses/{id}/lessons/{lessonId}/video/chapters",
                "POST /teach/courses/{id}/lessons/{lessonId}/video/settings")) {
            DECLARED.put(route, professorsOfTheUniversity());
        }
        // Grading: {attemptId} is unknown and {lessonId} a reading (the professor gets 404); the gradebook's forms,
        // sent empty, are refused with a message and change nothing.
        for (var route : List.of(
                "GET /teach/courses/{id}/grading",
                "GET /teach/courses/{id}/grading/{attemptId}/{position}",
                "POST /teach/courses/{id}/grading/{attemptId}/{position}",
                "GET /teach/courses/{id}/gradebook",
                "GET /teach/courses/{id}/gradebook.csv",
                "POST /teach/courses/{id}/gradebook/policy",
                "GET /teach/courses/{id}/gradebook/override",
                "POST /teach/courses/{id}/gradebook/override",
                "GET /teach/courses/{id}/lessons/{lessonId}/quiz/analysis")) {
            DECLARED.put(route, professorsOfTheUniversity());
        }
        // The question bank and a quiz lesson's settings ({itemId} is unknown and {lessonId} a reading: the professor
        // gets 404; an import without a file is refused with a message).
        for (var route : List.of(
                "GET /teach/courses/{id}/bank",
                "GET /teach/courses/{id}/bank/new",
                "POST /teach/courses/{id}/bank/new",
                "GET /teach/courses/{id}/bank/export",
                "POST /teach/courses/{id}/bank/import",
                "GET /teach/courses/{id}/bank/items/{itemId}",
                "POST /teach/courses/{id}/bank/items/{itemId}",
                "POST /teach/courses/{id}/bank/items/{itemId}/retire",
                "GET /teach/courses/{id}/lessons/{lessonId}/quiz",
                "POST /teach/courses/{id}/lessons/{lessonId}/quiz",
                "GET /teach/courses/{id}/lessons/{lessonId}/quiz/summary")) {
            DECLARED.put(route, professorsOfTheUniversity());
        }
        // Taking a quiz: every signed-in person may try; the service checks the enrolment and the attempt's owner
        // ({lessonId} is a reading and {id} an unknown attempt here: 404).
        DECLARED.put("POST /learn/quiz/{lessonId}/start", SIGNED_IN);
        DECLARED.put("GET /learn/attempts/{id}", SIGNED_IN);
        DECLARED.put("POST /learn/attempts/{id}/answers/{position}", SIGNED_IN);
        DECLARED.put("POST /learn/attempts/{id}/submit", SIGNED_IN);
        DECLARED.put("POST /learn/attempts/{id}/check/{position}", SIGNED_IN);
        DECLARED.put("GET /learn/courses/{slug}/grades", SIGNED_IN);
        // Resumable uploads check the course of each upload (VideoAuthorizationTests); without the tus headers
        // every signed-in person gets 412, and an unknown upload is 404.
        DECLARED.put("OPTIONS /teach/uploads", SIGNED_IN);
        DECLARED.put("POST /teach/uploads", SIGNED_IN);
        DECLARED.put("HEAD /teach/uploads/{id}", SIGNED_IN);
        DECLARED.put("PATCH /teach/uploads/{id}", SIGNED_IN);
        DECLARED.put("DELETE /teach/uploads/{id}", SIGNED_IN);
        // Media are reached by signed addresses only (VideoPipelineTests): without a valid signature everyone gets
        // 403, signed in or not; a session is no credential there.
        DECLARED.put("GET /media/v/{asset}/{token}/{*file}", all(Outcome.FORBIDDEN));
        DECLARED.put("HEAD /media/v/{asset}/{token}/{*file}", all(Outcome.FORBIDDEN));
        DECLARED.put("POST /learn/video/{lessonId}/progress", SIGNED_IN);
        DECLARED.put("POST /learn/heartbeats", SIGNED_IN);
        // Notes and bookmarks: the service checks the enrolment and the note's owner ({noteId} is unknown: 404; the
        // forms, sent empty, are refused with a message and change nothing).
        DECLARED.put("POST /learn/courses/{slug}/lessons/{lessonId}/notes", SIGNED_IN);
        DECLARED.put("POST /learn/courses/{slug}/lessons/{lessonId}/notes/{noteId}", SIGNED_IN);
        DECLARED.put("POST /learn/courses/{slug}/lessons/{lessonId}/notes/{noteId}/delete", SIGNED_IN);
        DECLARED.put("POST /learn/courses/{slug}/lessons/{lessonId}/bookmark", SIGNED_IN);
        DECLARED.put("PUT /learn/notes/{noteId}", SIGNED_IN);
        DECLARED.put("GET /learn/notes", SIGNED_IN);
        DECLARED.put("GET /learn/notes.md", SIGNED_IN);
        DECLARED.put("GET /error", PUBLIC);
        DECLARED.put("GET /error/{code}", PUBLIC);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    CourseAuthoring courses;

    @Test
    void everyRouteHasADeclaredOutcomeForEveryRole() {
        var routes = routes();
        assertThat(routes).isNotEmpty();
        var undeclared = new TreeSet<>(routes);
        undeclared.removeAll(DECLARED.keySet());
        assertThat(undeclared)
                .as("routes without a declared outcome in AuthorizationMatrixTests")
                .isEmpty();
        var stale = new TreeSet<>(DECLARED.keySet());
        stale.removeAll(routes);
        assertThat(stale).as("declared routes that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsTheDeclaredOutcomeOnEveryRoute() throws Exception {
        var wrong = new ArrayList<String>();
        for (var route : DECLARED.entrySet()) {
            for (var role : Role.values()) {
                var expected = route.getValue().get(role);
                var actual = send(route.getKey(), role);
                if (actual != expected) {
                    wrong.add(route.getKey() + " as " + role + ": expected " + expected + " but was " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Outcome send(String route, Role role) throws Exception {
        var space = route.indexOf(' ');
        var method = HttpMethod.valueOf(route.substring(0, space));
        var path = fill(route.substring(space + 1));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
        if (method != HttpMethod.GET) {
            request = request.with(csrf());
        }
        var principal = principal(role);
        if (principal != null) {
            request = request.with(user(principal));
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(route + " as " + role).isLessThan(500);
        if (response.getStatus() == 403) {
            return Outcome.FORBIDDEN;
        }
        if (response.getStatus() == 401) {
            return Outcome.UNAUTHORIZED;
        }
        var location = response.getRedirectedUrl();
        if (response.getStatus() == 302 && location != null && location.endsWith("/login")) {
            return Outcome.LOGIN;
        }
        return Outcome.ALLOWED;
    }

    private String fill(String pattern) {
        if (pattern.startsWith("/universities/")) {
            pattern = pattern.replace("{slug}", "polimi");
        }
        if (pattern.startsWith("/teach/courses/{id}")) {
            var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
            pattern = pattern.replace("{id}", course.id().value().toString())
                    .replace(
                            "{moduleId}",
                            course.modules().getFirst().id().value().toString());
        }
        if (pattern.startsWith("/admin/organisations/")) {
            pattern = pattern.replace("{slug}", "tudelft");
        }
        var course = courses.outlineBySlug("project-management-essentials").orElseThrow();
        return pattern.replace("{slug}", course.slug())
                .replace(
                        "{lessonId}",
                        course.lessons().findFirst().orElseThrow().id().toString())
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{code}", "404")
                .replace("{language}", "en")
                .replace("{asset}", "00000000-0000-0000-0000-000000000000")
                .replace("{token}", "1795964400-forgedforgedforgedforged")
                .replace("{*file}", "hls/master.m3u8")
                .replace("{account}", "00000000-0000-0000-0000-000000000000")
                .replace("{attemptId}", "00000000-0000-0000-0000-000000000000")
                .replace("{position}", "1")
                .replace("{list}", "1")
                .replace("{itemId}", "00000000-0000-0000-0000-000000000000")
                .replace("{noteId}", "00000000-0000-0000-0000-000000000000")
                .replace("/**", "/statements");
    }

    private @Nullable SignedInUser principal(Role role) {
        var email = switch (role) {
            case ANONYMOUS -> null;
            case LEARNER -> "learner030@learners.sapere.test";
            case PROFESSOR -> "rossi@polimi.example";
            case SUPERVISOR -> "mueller@ethz.example";
            case ORGANISATION_ADMIN -> "jansen@tudelft.example";
            case PLATFORM_ADMIN -> "admin@sapere.example";
        };
        if (email == null) {
            return null;
        }
        var id = identity.accountByEmail(email).orElseThrow();
        return new SignedInUser(id, email, email, null, role == Role.PLATFORM_ADMIN, true);
    }

    private Set<String> routes() {
        var routes = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? List.of("GET")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .toList();
            for (var pattern : info.getPatternValues()) {
                for (var method : methods) {
                    routes.add(method + " " + pattern.replace("{code:\\d{3}}", "{code}"));
                }
            }
        });
        return routes;
    }

    private static Map<Role, Outcome> professorsOfTheUniversity() {
        var outcomes = signedIn(Outcome.FORBIDDEN);
        outcomes.put(Role.PROFESSOR, Outcome.ALLOWED);
        return outcomes;
    }

    private static Map<Role, Outcome> all(Outcome outcome) {
        var map = new LinkedHashMap<Role, Outcome>();
        for (var role : Role.values()) {
            map.put(role, outcome);
        }
        return map;
    }

    private static Map<Role, Outcome> signedIn(Outcome outcome) {
        var map = all(outcome);
        map.put(Role.ANONYMOUS, Outcome.LOGIN);
        return map;
    }

    private static Map<Role, Outcome> organisationAdmins() {
        var map = signedIn(Outcome.FORBIDDEN);
        map.put(Role.ORGANISATION_ADMIN, Outcome.ALLOWED);
        map.put(Role.PLATFORM_ADMIN, Outcome.ALLOWED);
        return map;
    }

    private static Map<Role, Outcome> adminOnly() {
        var map = signedIn(Outcome.FORBIDDEN);
        map.put(Role.PLATFORM_ADMIN, Outcome.ALLOWED);
        return map;
    }
}
