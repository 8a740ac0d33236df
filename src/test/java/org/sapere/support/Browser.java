package org.sapere.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Headless Chromium through Playwright, with axe checks and screenshots. One per test class. */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        var executable = Environment.chromium();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                // Tests start videos from script, as a learner's click would.
                                "--autoplay-policy=no-user-gesture-required")));
    }

    /** A fresh context (no cookies) with a viewport of the given width. */
    public BrowserContext context(int width, String acceptLanguage) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, 900)
                .setLocale(acceptLanguage)
                .setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage)));
    }

    /** Fails on any axe violation of serious or critical impact (WCAG 2.0-2.2 A and AA rules). */
    public static void assertAccessible(Page page) {
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        var bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .toList();
        assertThat(bad).as("axe violations on " + page.url()).isEmpty();
    }

    /** True if the page is wider than its viewport (it would scroll sideways). */
    public static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    /** The elements that stick out to the right of the viewport (for the message when a page scrolls sideways). */
    public static String overflowing(Page page) {
        return String.valueOf(page.evaluate("""
                () => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .slice(0, 8)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
                            + Math.round(e.getBoundingClientRect().right) + 'px')
                  .join(', ')"""));
    }

    /** Screenshots the page, then fails on axe violations and on sideways scrolling. */
    public static void check(Page page, String screenshot) {
        screenshot(page, screenshot);
        assertAccessible(page);
        assertThat(scrollsSideways(page)).as(overflowing(page)).isFalse();
    }

    /** Signs in through the sign-in page with the demo password; {@code base} is the site's address. */
    public static void signIn(Page page, String base, String email) {
        page.navigate(base + "/login");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill("sapere-demo-2026");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL(base + "/");
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
