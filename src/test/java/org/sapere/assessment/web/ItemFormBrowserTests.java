package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.support.Browser;

/** The item form's fields for every type, errors showing, pass axe's WCAG 2.2 AA checks with the site's styles. */
@Tag("browser")
class ItemFormBrowserTests {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyTypesFieldsAreAccessibleWithTheirErrors() throws IOException {
        var css = Files.readString(Path.of("src/main/resources/static/css/sapere.css"));
        try (var context = browser.context(1280, "en-GB")) {
            var page = context.newPage();
            for (var type : ItemForm.TYPES) {
                var fields = ItemForm.emptyFields(type);
                var html = ItemFormTemplateTests.render(Locale.ENGLISH, type, fields, true);
                page.setContent("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + type
                        + "</title><style>" + css + "</style></head><body><main class=\"wrap\"><h1>" + type
                        + "</h1><form method=\"post\" novalidate>" + html
                        + "<button class=\"button\" type=\"submit\">Save</button></form></main></body></html>");
                Browser.assertAccessible(page);
                assertThat(Browser.scrollsSideways(page)).as(type).isFalse();
            }
            page.setViewportSize(360, 800);
            assertThat(Browser.scrollsSideways(page)).as("narrow").isFalse();
            Browser.screenshot(page, "item-form-essay-narrow");
        }
    }
}
