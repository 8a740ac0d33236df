package org.sapere.assessment.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sapere.shared.LocalizedText;
import org.sapere.shared.Markdown;

/** Authors' Markdown in the learner's language, as safe HTML for a block, for a line, or as plain text. */
final class Html {

    private static final Pattern ONE_PARAGRAPH = Pattern.compile("(?s)\\s*<p>(.*)</p>\\s*");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Html() {}

    static String block(LocalizedText text, Locale locale) {
        return Markdown.html(text.in(locale));
    }

    /**
     * For a label or a line: a text that is one paragraph loses its {@code <p>}, which may not stand inside a label.
     * Longer texts (lists, several paragraphs) keep their blocks.
     */
    static String inline(LocalizedText text, Locale locale) {
        var html = block(text, locale);
        var m = ONE_PARAGRAPH.matcher(html);
        return m.matches() && !m.group(1).contains("<p>") ? m.group(1) : html.strip();
    }

    /** For a drop-down's option, which holds text only: the HTML's text, tags dropped, spaces collapsed. */
    static String plain(String html) {
        var text = TAG.matcher(html).replaceAll(" ");
        var m = ENTITY.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return SPACES.matcher(out).replaceAll(" ").strip();
    }

    private static String entity(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                var hex = name.startsWith("#x") || name.startsWith("#X");
                var code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                yield Character.isValidCodePoint(code) ? Character.toString(code) : "";
            }
        };
    }
}
