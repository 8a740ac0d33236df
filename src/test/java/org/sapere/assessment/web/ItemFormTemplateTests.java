package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.web.ItemForm.FieldError;
import org.sapere.shared.web.PageContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * The item form's fields as the precompiled template renders them: every message found in every language, every
 * control labelled, hints and errors tied to their control.
 */
class ItemFormTemplateTests {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final Pattern CONTROL = Pattern.compile("<(input|textarea|select)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern DESCRIBED_BY = Pattern.compile("aria-describedby=\"([^\"]+)\"");

    static PageContext page(Locale locale) {
        var messages = new ReloadableResourceBundleMessageSource();
        messages.setBasename("classpath:i18n/assessment/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return new PageContext(locale, messages, null, null, "/teach", null, null, null);
    }

    /** The fragment for the type, filled in as {@code fields}, with an error on every field and one on none. */
    static String render(Locale locale, String type, Map<String, String> fields, boolean withErrors) {
        var errors = new ArrayList<FieldError>();
        if (withErrors) {
            for (var name : ItemForm.fieldNames(type)) {
                errors.add(new FieldError(name, "assessment.form.notANumber", List.of("x")));
            }
            errors.add(new FieldError("", "assessment.item.versionNotPositive", List.of(0)));
        }
        var params = new HashMap<String, Object>();
        params.put("page", page(locale));
        params.put("type", type);
        params.put("fields", fields);
        params.put("errors", errors);
        params.put("lang", "en");
        var output = new StringOutput();
        TEMPLATES.render("assessment/itemFields.jte", params, output);
        return output.toString();
    }

    @Test
    void everyTypeRendersInEveryLanguageWithEveryMessageFound() {
        for (var locale : PageContext.LANGUAGES) {
            for (var type : ItemForm.TYPES) {
                var html = render(locale, type, ItemForm.emptyFields(type), true);
                assertThat(html)
                        .as("%s in %s", type, locale)
                        .doesNotContain("assessment.form.", "assessment.item.", "assessment.type.")
                        .contains("name=\"type\" value=\"" + type + "\"");
            }
        }
    }

    @Test
    void everyControlIsLabelledAndDescribedByElementsThatExist() {
        for (var type : ItemForm.TYPES) {
            var html = render(Locale.ENGLISH, type, ItemForm.emptyFields(type), true);
            var ids = ID.matcher(html).results().map(m -> m.group(1)).toList();
            assertThat(ids).as("ids in %s", type).doesNotHaveDuplicates();
            var controls = CONTROL.matcher(html).results().toList();
            assertThat(controls).isNotEmpty();
            for (var control : controls) {
                var attributes = control.group(2);
                if (attributes.contains("type=\"hidden\"")) {
                    continue;
                }
                var id = ID.matcher(attributes)
                        .results()
                        .findFirst()
                        .orElseThrow()
                        .group(1);
                assertThat(html).as("label of %s", id).contains("<label for=\"" + id + "\">");
                var describedBy = DESCRIBED_BY.matcher(attributes);
                if (describedBy.find()) {
                    assertThat(ids)
                            .as("described by")
                            .containsAll(List.of(describedBy.group(1).split(" ")));
                }
                if (!attributes.contains("type=\"radio\"")) {
                    assertThat(attributes).as("%s with an error", id).contains("aria-invalid=\"true\"");
                    assertThat(describedBy.group(1)).endsWith(id + "-error");
                }
            }
        }
    }

    @Test
    void theFieldsShowTheirValuesAndTheErrorsTheirMessages() {
        var fields = ItemForm.emptyFields("true-false");
        fields.put("stem", "Is <b>this</b> true?\n");
        fields.put("answer", "false");
        fields.put("difficulty", "hard");
        var html = render(Locale.ITALIAN, "true-false", fields, true);

        // A textarea starts with a line break, which browsers drop, so one the text starts with is kept.
        assertThat(html).contains(">\nIs &lt;b&gt;this&lt;/b&gt; true?\n</textarea>");
        assertThat(html).contains("value=\"false\" checked");
        assertThat(html).contains("<option value=\"hard\" selected>Difficile</option>");
        assertThat(html).contains("«x» non è un numero.");
        assertThat(html).contains("role=\"alert\"");
        assertThat(render(Locale.ENGLISH, "true-false", fields, false)).doesNotContain("aria-invalid", "alert");
    }
}
