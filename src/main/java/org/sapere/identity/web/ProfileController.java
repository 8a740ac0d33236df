package org.sapere.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sapere.identity.SignedInUser;
import org.sapere.identity.domain.AccountRegistration.FieldError;
import org.sapere.identity.domain.Memberships;
import org.sapere.identity.domain.PasswordPolicy;
import org.sapere.identity.domain.Profiles;
import org.sapere.identity.domain.Profiles.Profile;
import org.sapere.shared.NotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own profile and password. */
@Controller
class ProfileController {

    /** Time zones people pick from: the "Region/City" ones, sorted. */
    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z ->
                    z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted()
            .toList();

    private final Profiles profiles;
    private final LocaleResolver locales;
    private final Memberships memberships;

    private final org.sapere.identity.domain.Alumni alumni;
    private final org.sapere.identity.domain.AccountErasure erasure;
    private final org.sapere.identity.domain.Avatars avatars;

    ProfileController(
            Profiles profiles,
            LocaleResolver locales,
            Memberships memberships,
            org.sapere.identity.domain.Alumni alumni,
            org.sapere.identity.domain.AccountErasure erasure,
            org.sapere.identity.domain.Avatars avatars) {
        this.avatars = avatars;
        this.alumni = alumni;
        this.erasure = erasure;
        this.memberships = memberships;
        this.profiles = profiles;
        this.locales = locales;
    }

    @GetMapping("/account")
    ModelAndView show(@AuthenticationPrincipal SignedInUser user, Locale locale) {
        var profile = profiles.find(user.accountId().value()).orElseThrow(() -> new NotFoundException("account"));
        return page(profile, List.of(), List.of(), locale)
                .addObject("platformAdmin", user.platformAdmin())
                .addObject("alumni", alumni.of(user.accountId().value()))
                .addObject("hasPassword", erasure.hasPassword(user.accountId().value()))
                .addObject(
                        "avatarVersion",
                        avatars.of(user.accountId().value())
                                .map(a -> a.updated().toEpochMilli())
                                .orElse(null))
                .addObject(
                        "professor",
                        memberships.isProfessorAnywhere(user.accountId().value()))
                .addObject(
                        "organisationAdmin",
                        !memberships
                                .administeredBy(user.accountId().value(), false)
                                .isEmpty());
    }

    @PostMapping("/account/profile")
    ModelAndView update(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String headline,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(defaultValue = "en") String language,
            @RequestParam(defaultValue = "") String timeZone,
            @RequestParam(defaultValue = "false") boolean courseNews,
            @RequestParam(required = false) @org.jspecify.annotations.Nullable List<String> spokenLanguages,
            @RequestParam(required = false) @org.jspecify.annotations.Nullable List<String> interests,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var profile = new Profile(
                displayName,
                headline,
                country,
                language,
                timeZone,
                courseNews,
                spokenLanguages == null
                        ? List.of()
                        : spokenLanguages.stream().limit(60).toList(),
                interests == null ? List.of() : interests.stream().limit(20).toList());
        var errors = profiles.update(user.accountId().value(), profile);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(clip(profile), errors, List.of(), locale);
        }
        refreshSignedInUser(user, displayName.strip(), request, response);
        locales.setLocale(request, response, Locale.of(language));
        flash.addFlashAttribute("notice", "profile.saved");
        return new ModelAndView("redirect:/account");
    }

    @PostMapping("/account/password")
    ModelAndView changePassword(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var errors = profiles.changePassword(user.accountId().value(), current, password, locale);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            var profile = profiles.find(user.accountId().value()).orElseThrow();
            return page(profile, List.of(), errors, locale);
        }
        flash.addFlashAttribute("notice", "profile.passwordChanged");
        return new ModelAndView("redirect:/account");
    }

    private static ModelAndView page(
            Profile profile, List<FieldError> profileErrors, List<FieldError> passwordErrors, Locale locale) {
        var countries = Arrays.stream(Locale.getISOCountries())
                .map(code -> new Option(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Option::label))
                .toList();
        return new ModelAndView("identity/profile")
                .addObject("profile", profile)
                .addObject("errors", new FormErrors(profileErrors))
                .addObject("passwordErrors", new FormErrors(passwordErrors))
                .addObject("countries", countries)
                .addObject("timeZones", TIME_ZONES)
                .addObject("minLength", PasswordPolicy.MIN_LENGTH);
    }

    /** The session keeps who is signed in; a new name must show in the header at once. */
    private static void refreshSignedInUser(
            SignedInUser user, String displayName, HttpServletRequest request, HttpServletResponse response) {
        var updated = user.withDisplayName(displayName);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    private static Profile clip(Profile p) {
        return new Profile(
                cut(p.displayName()),
                cut(p.headline()),
                cut(p.country()),
                cut(p.language()),
                cut(p.timeZone()),
                p.courseNews(),
                p.spokenLanguages().stream().filter(Profiles.SPOKEN::contains).toList(),
                p.interests().stream()
                        .filter(org.sapere.shared.Subjects.ALL::contains)
                        .toList());
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) : s;
    }
}
