package org.sapere.shared.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template needs beside its own data: the reader's language and messages, who is signed in, the
 * CSRF token for forms, and the address of the current page (for the language switch).
 */
public final class PageContext {

    /** The languages of the interface, in the order the switch shows them. */
    public static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.ITALIAN, Locale.GERMAN, Locale.of("nl"), Locale.of("sv"));

    private final Locale locale;
    private final MessageSource messages;
    private final @Nullable Viewer viewer;
    private final @Nullable Csrf csrf;
    private final String path;
    private final @Nullable String query;
    private final @Nullable String notice;
    private final @Nullable String problem;

    public PageContext(
            Locale locale,
            MessageSource messages,
            @Nullable Viewer viewer,
            @Nullable Csrf csrf,
            String path,
            @Nullable String query,
            @Nullable String notice,
            @Nullable String problem) {
        this.locale = locale;
        this.messages = messages;
        this.viewer = viewer;
        this.csrf = csrf;
        this.path = path;
        this.query = query;
        this.notice = notice;
        this.problem = problem;
    }

    /** The signed-in person as the layout shows them. */
    public record Viewer(String displayName, boolean platformAdmin) {}

    /**
     * The name and value of the hidden CSRF field every form carries. The value is asked for only when a page has
     * a form: creating a token opens a session, which anonymous pages should not do.
     */
    public record Csrf(java.util.function.Supplier<String> parameterName, java.util.function.Supplier<String> token) {}

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    /** The message for the key in the reader's language. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A one-time message from the previous step (e.g. "You are enrolled"), already translated; or null. */
    /** A message saying what went wrong with the last action, shown as an alert. */
    public @Nullable String problem() {
        return problem == null ? null : t(problem);
    }

    public @Nullable String notice() {
        return notice == null ? null : t(notice);
    }

    /** A duration for people: "45 min", "2 h 5 min". */
    public String duration(int minutes) {
        return minutes < 60
                ? t("duration.minutes", minutes)
                : minutes % 60 == 0
                        ? t("duration.hours", minutes / 60)
                        : t("duration.hoursMinutes", minutes / 60, minutes % 60);
    }

    /** The name of a language (by its code) in the reader's language: "Italiano" for an Italian reader. */
    public String languageName(String code) {
        var name = Locale.of(code).getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public @Nullable Viewer viewer() {
        return viewer;
    }

    /** A day in the reader's language, e.g. "29 Nov 2026" or "29 nov 2026". */
    public String date(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale("en".equals(locale.getLanguage()) ? Locale.UK : locale)
                .withZone(java.time.ZoneOffset.UTC)
                .format(at);
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.parameterName().get();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.token().get();
    }

    public String path() {
        return path;
    }

    /** True when the current page is the given address or below it, for marking the navigation. */
    public boolean isAt(String prefix) {
        return prefix.equals("/") ? path.equals("/") : path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The current page's address with the language switched. */
    public String switchTo(Locale language) {
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", language.getLanguage())
                .build()
                .toUriString();
    }

    /** The name of a language in that language, as a switch shows it. */
    public static String nativeName(Locale language) {
        var name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
