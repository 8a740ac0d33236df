package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sapere.identity.RecentSignIn;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.AccountErasure;
import org.sapere.shared.PersonalData;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The privacy notice, "download my data" and "delete my account". */
@Controller
class PrivacyController {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<PersonalData> sections;
    private final AccountErasure erasure;

    PrivacyController(List<PersonalData> sections, AccountErasure erasure) {
        this.sections = sections;
        this.erasure = erasure;
    }

    @GetMapping("/privacy")
    ModelAndView notice() {
        return new ModelAndView("identity/privacy");
    }

    /** Everything Sapere holds about the signed-in person, as one JSON document. */
    @GetMapping("/account/export")
    ResponseEntity<String> export(@AuthenticationPrincipal SignedInUser user) {
        var data = new LinkedHashMap<String, Object>();
        data.put("exportedAt", Instant.now().toString());
        data.put("format", "Sapere personal data export, version 1");
        for (var section : sections) {
            data.put(
                    section.section(), normalize(section.export(user.accountId().value(), user.getUsername())));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("sapere-my-data.json")
                                .build()
                                .toString())
                .body(JSON.writeValueAsString(data));
    }

    @PostMapping("/account/delete")
    ModelAndView delete(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request,
            HttpServletResponse response) {
        var account = user.accountId().value();
        var erased = erasure.hasPassword(account)
                ? erasure.erase(account, password)
                : RecentSignIn.isFresh(request) && erasure.eraseWithoutPassword(account, email);
        if (!erased) {
            response.setStatus(422);
            return new ModelAndView("identity/deleteRefused");
        }
        new SecurityContextLogoutHandler().logout(request, response, null);
        // A new request, so that the page is drawn for a visitor who is no longer signed in.
        return new ModelAndView("redirect:/account-deleted");
    }

    @GetMapping("/account-deleted")
    ModelAndView deleted() {
        return new ModelAndView("identity/deleted");
    }

    /** Database values as JSON people can read: times as ISO-8601, ids as text, arrays as lists. */
    private static Object normalize(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? null : normalize(v)));
                yield copy;
            }
            case Collection<?> list ->
                list.stream().map(v -> v == null ? null : normalize(v)).toList();
            case Timestamp t -> t.toInstant().toString();
            case TemporalAccessor t -> t.toString();
            case UUID id -> id.toString();
            case Array array -> {
                try {
                    yield normalize(List.of((Object[]) array.getArray()));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> value;
        };
    }
}
