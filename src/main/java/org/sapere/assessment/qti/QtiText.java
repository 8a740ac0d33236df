package org.sapere.assessment.qti;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Text;

/**
 * Texts out of an item body. Sapere's own Markdown paragraphs read back exactly; other tools' XHTML is reduced to its
 * text, a paragraph per block element and spaces collapsed (markup, pictures and formatting are left out).
 */
final class QtiText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "ul",
            "ol",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "tr",
            "dl",
            "dt",
            "dd",
            "prompt");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private QtiText() {}

    /** The paragraphs of a Sapere Markdown div, exactly as written. */
    static String markdown(Element div, Function<Element, @Nullable String> inline) {
        var paragraphs = new ArrayList<String>();
        for (var p : QtiXml.children(div, "p")) {
            var text = new StringBuilder();
            for (var node = p.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Text t) {
                    text.append(t.getData());
                } else if (node instanceof Element e) {
                    var replacement = inline.apply(e);
                    text.append(replacement != null ? replacement : e.getTextContent());
                }
            }
            paragraphs.add(text.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    /** The direct text of an option, its feedback and other elements left out: exact for Sapere's own options. */
    static String own(Element element) {
        var text = new StringBuilder();
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Text t) {
                text.append(t.getData());
            }
        }
        return text.toString();
    }

    /**
     * Plain text: a paragraph per block element, spaces collapsed. {@code special} decides per element: null to
     * read it as usual, a string to stand for it (a gap marker, or "" to leave it out).
     */
    static String plain(Element element, Function<Element, @Nullable String> special) {
        var text = new StringBuilder();
        walk(element, special, text);
        return String.join(
                "\n\n",
                Arrays.stream(text.toString().split("\n\n"))
                        .map(p -> SPACES.matcher(p).replaceAll(" ").strip())
                        .filter(p -> !p.isEmpty())
                        .toList());
    }

    private static void walk(Element element, Function<Element, @Nullable String> special, StringBuilder text) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Text t) {
                text.append(SPACES.matcher(t.getData()).replaceAll(" "));
            } else if (node instanceof Element e) {
                if (QtiXml.isSapere(e)) {
                    continue;
                }
                var replacement = special.apply(e);
                if (replacement != null) {
                    text.append(replacement);
                    continue;
                }
                var block = BLOCKS.contains(QtiXml.localName(e));
                if (block) {
                    text.append("\n\n");
                }
                walk(e, special, text);
                if (block) {
                    text.append("\n\n");
                }
            }
        }
    }
}
