package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sapere.shared.LocalizedText;

/**
 * How texts look in the form's fields, and the small escapes of the line formats: a backslash before a character that
 * would otherwise mark or separate something keeps it as plain text.
 */
final class Texts {

    /** Characters that mean something at the start of a line (correct option, regular expression, gap kind, pair). */
    private static final String STARTERS = "*/=[\\";

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(?:[ \\t]*\\n)+");

    private Texts() {}

    /** The variant in {@code language}, or the original when there is none: what the form shows for editing. */
    static String in(LocalizedText text, String language) {
        var variant = text.variants().get(language);
        return variant != null ? variant : text.original();
    }

    /** A text as one line: line breaks (and the spaces around them) become one space; trimmed. */
    static String flat(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }

    /** A Markdown text as a textarea gives it back: LF line breaks, no blank lines before it, no spaces after it. */
    static String markdown(String text) {
        return LEADING_BLANK_LINES.matcher(lineFeeds(text)).replaceFirst("").stripTrailing();
    }

    /** Browsers send a textarea's line breaks as CR LF. */
    static String lineFeeds(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The non-blank lines of a field, each trimmed. */
    static List<String> lines(String text) {
        return lineFeeds(text)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** A backslash before a text that would otherwise start with a marker ({@code * / = [} or such a backslash). */
    static String escapeStart(String text) {
        return startsEscaped("\\" + text) ? "\\" + text : text;
    }

    /** The text without the backslash that kept its first character plain. */
    static String unescapeStart(String text) {
        return startsEscaped(text) ? text.substring(1) : text;
    }

    static boolean startsEscaped(String text) {
        return text.length() > 1 && text.charAt(0) == '\\' && STARTERS.indexOf(text.charAt(1)) >= 0;
    }

    /** Splits at every {@code separator} without a backslash before it; the parts keep their escapes. */
    static List<String> split(String text, char separator) {
        var parts = new ArrayList<String>();
        var start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator && (i == 0 || text.charAt(i - 1) != '\\')) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Whether {@code text} holds {@code separator} without a backslash before it. */
    static boolean contains(String text, char separator) {
        return split(text, separator).size() > 1;
    }

    static String escape(String text, char separator) {
        return text.replace(String.valueOf(separator), "\\" + separator);
    }

    static String unescape(String text, char separator) {
        return text.replace("\\" + separator, String.valueOf(separator));
    }

    /**
     * Splits at the first {@code c} standing alone between spaces (or at either end), as the bar between an option and
     * its feedback: {@code "Paris | Yes."} is "Paris" and "Yes.". A standalone {@code \c} is text, not a separator.
     * The parts keep their escapes.
     */
    static String[] splitSpaced(String line, char separator) {
        var m = standalone(separator, false).matcher(line);
        if (!m.find()) {
            return new String[] {line, ""};
        }
        return new String[] {
            line.substring(0, m.start()).strip(), line.substring(m.end()).strip()
        };
    }

    /** The text with each standalone {@code c} written {@code \c}, so that it is not read as a separator. */
    static String escapeSpaced(String text, char separator) {
        return standalone(separator, false).matcher(text).replaceAll(Matcher.quoteReplacement("\\" + separator));
    }

    static String unescapeSpaced(String text, char separator) {
        return standalone(separator, true)
                .matcher(text)
                .replaceAll(Matcher.quoteReplacement(String.valueOf(separator)));
    }

    /** {@code c} (or {@code \c}) with a space or an end of the text on each side. */
    private static Pattern standalone(char separator, boolean escaped) {
        var c = Pattern.quote(String.valueOf(separator));
        return Pattern.compile("(?<=^|\\s)" + (escaped ? "\\\\" : "") + c + "(?=\\s|$)");
    }

    /** A number as the form shows it: exact, without trailing zeros after the point ({@code 1.5000} is "1.5"). */
    static String points(BigDecimal points) {
        return plain(points.stripTrailingZeros());
    }

    /** A number as written, in plain notation unless that would be very long. */
    static String plain(BigDecimal number) {
        return Math.abs(number.scale()) > 30 ? number.toString() : number.toPlainString();
    }
}
