package org.sapere.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns professors' Markdown into HTML that is safe to show: raw HTML in the source is escaped, and the result
 * passes an allow-list sanitiser (no scripts, no styles, no event handlers, only http(s) and mailto links).
 *
 * <p>Mathematics is written as MathML ({@code <math>…</math>}, as exported by most equation editors): each
 * {@code math} element is cut out before the Markdown is read, passed through its own allow-list of presentation
 * MathML elements and attributes, and put back; browsers show it natively.
 */
public final class Markdown {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "strong",
                    "em",
                    "code",
                    "pre",
                    "blockquote",
                    "hr",
                    "br",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "a",
                    "img",
                    "del")
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("src", "alt", "title")
            .onElements("img")
            .allowAttributes("align")
            .onElements("th", "td")
            .allowAttributes("start")
            .onElements("ol")
            .allowStandardUrlProtocols()
            .requireRelNofollowOnLinks()
            .toFactory();

    private static final String[] MATHML_ELEMENTS = {
        "math",
        "mi",
        "mn",
        "mo",
        "ms",
        "mtext",
        "mspace",
        "mrow",
        "mfrac",
        "msqrt",
        "mroot",
        "mstyle",
        "merror",
        "mpadded",
        "mphantom",
        "msub",
        "msup",
        "msubsup",
        "munder",
        "mover",
        "munderover",
        "mmultiscripts",
        "mprescripts",
        "none",
        "mtable",
        "mtr",
        "mtd",
        "semantics"
    };

    private static final PolicyFactory MATHML = new HtmlPolicyBuilder()
            .allowElements(MATHML_ELEMENTS)
            .allowAttributes(
                    "display",
                    "mathvariant",
                    "stretchy",
                    "fence",
                    "separator",
                    "accent",
                    "accentunder",
                    "form",
                    "largeop",
                    "movablelimits",
                    "symmetric",
                    "lspace",
                    "rspace",
                    "linethickness",
                    "columnalign",
                    "rowalign",
                    "columnspan",
                    "rowspan",
                    "scriptlevel",
                    "displaystyle",
                    "width",
                    "height",
                    "depth")
            .onElements(MATHML_ELEMENTS)
            .toFactory();

    private static final Pattern MATH = Pattern.compile("(?is)<math\\b[^>]*>.*?</math>");
    private static final String HOLDER = "SAPEREMATH%dX";
    private static final Pattern HOLDERS = Pattern.compile("SAPEREMATH(\\d+)X");

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    private Markdown() {}

    /** The Markdown as safe HTML; a "# heading" becomes h2, since the page's title is its h1. */
    public static String html(String markdown) {
        var formulas = new ArrayList<String>();
        var source = new StringBuilder();
        Matcher m = MATH.matcher(markdown);
        while (m.find()) {
            formulas.add(MATHML.sanitize(m.group()));
            m.appendReplacement(source, String.format(java.util.Locale.ROOT, HOLDER, formulas.size() - 1));
        }
        m.appendTail(source);
        var html = RENDERER.render(PARSER.parse(source.toString()))
                .replace("<h1>", "<h2>")
                .replace("</h1>", "</h2>");
        var safe = POLICY.sanitize(html);
        if (formulas.isEmpty()) {
            return safe;
        }
        var out = new StringBuilder();
        Matcher h = HOLDERS.matcher(safe);
        while (h.find()) {
            var index = Integer.parseInt(h.group(1));
            h.appendReplacement(
                    out, Matcher.quoteReplacement(index < formulas.size() ? formulas.get(index) : h.group()));
        }
        h.appendTail(out);
        return out.toString();
    }
}
