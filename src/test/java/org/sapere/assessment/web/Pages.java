package org.sapere.assessment.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sapere.shared.web.PageContext;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** Renders the quiz item templates as the application does: precompiled, with the assessment module's messages. */
final class Pages {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    static PageContext page(Locale locale) {
        var messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames("classpath:i18n/assessment/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return new PageContext(locale, messages, null, null, "/quiz", null, null, null);
    }

    static String question(AskedItem item, Map<String, List<String>> saved, boolean disabled, Locale locale) {
        var params = new HashMap<String, Object>();
        params.put("page", page(locale));
        params.put("item", item);
        params.put("saved", saved);
        params.put("disabled", disabled);
        return render("assessment/question.jte", params);
    }

    static String reviewed(ReviewedItem item, Locale locale) {
        return render("assessment/reviewed.jte", Map.of("page", page(locale), "item", item));
    }

    private static String render(String template, Map<String, Object> params) {
        var output = new StringOutput();
        TEMPLATES.render(template, params, output);
        return output.toString();
    }
}
