package org.sapere.assessment.qti;

import java.util.List;
import java.util.Objects;
import org.sapere.assessment.domain.InvalidItemException;
import org.sapere.assessment.domain.Item;
import org.w3c.dom.Document;

/**
 * Reads a QTI 2.1 (or 2.2) assessmentItem into an {@link Item}. Items Sapere exported come back exactly as they
 * were, from the standard parts and Sapere's extension; other tools' items are mapped from their standard parts
 * (choice, text entry, extended text, order, match, gap match, inline choice with the match_correct or map_response
 * template). Anything else is {@link Unsupported}, with the reason as a message key, never half read.
 */
public final class QtiItemReader {

    /** What reading one item gave. */
    public sealed interface ImportResult permits Imported, Unsupported {}

    /** The item, and what of the original was left out. */
    public record Imported(Item item, List<Warning> warnings) implements ImportResult {

        public Imported {
            Objects.requireNonNull(item);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * An item Sapere cannot import: {@code reason} is a message key ({@code assessment.qti.*}) whose arguments are
     * the item's {@code identifier} and the {@code detail} (such as the interaction's name).
     */
    public record Unsupported(String identifier, String reason, String detail) implements ImportResult {}

    /** Something of an imported item left out, such as modal feedback; a message key with the same arguments. */
    public record Warning(String identifier, String messageKey, String detail) {}

    /**
     * Deepest element nesting read. Real items nest a dozen levels; DOM's text functions recurse, so a hostile item
     * nested a hundred thousand levels deep would overflow the stack.
     */
    static final int MAX_DEPTH = 200;

    /** Reads an item from its XML text, parsed as safely as a package's files are. */
    public ImportResult read(String xml) {
        return read(QtiPackage.parse("item", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Reads an item whose {@code xml:lang} is missing as English. */
    public ImportResult read(Document document) {
        return read(document, "en");
    }

    /** Reads an item; {@code defaultLanguage} is the language of its texts when it does not say. */
    public ImportResult read(Document document, String defaultLanguage) {
        var root = document.getDocumentElement();
        var identifier = root.getAttribute("identifier");
        if (QtiXml.depth(root) > MAX_DEPTH) {
            return new Unsupported(identifier, "assessment.qti.unsupportedFeature", "nesting deeper than " + MAX_DEPTH);
        }
        if (QtiXml.localName(root).equals("qti-assessment-item")) {
            return new Unsupported(identifier, "assessment.qti.unsupportedFeature", "QTI 3.0");
        }
        if (!QtiXml.localName(root).equals("assessmentItem")) {
            return new Unsupported(identifier, "assessment.qti.notAnItem", QtiXml.localName(root));
        }
        try {
            return new QtiItemParser(root, defaultLanguage).parse();
        } catch (QtiItemParser.UnsupportedException e) {
            return new Unsupported(identifier, e.reason(), e.detail());
        } catch (InvalidItemException e) {
            return new Unsupported(identifier, "assessment.qti.invalidItem", e.messageKey() + " " + e.argument());
        } catch (IllegalArgumentException e) {
            // A number or a UUID that does not parse.
            return new Unsupported(identifier, "assessment.qti.unreadable", String.valueOf(e.getMessage()));
        }
    }
}
