package org.sapere.assessment.qti;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.sapere.assessment.domain.Item;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes an item as an IMS QTI assessmentItem, in one language: QTI 2.1 (which {@link QtiItemReader} reads back
 * unchanged) or QTI 3.0. What QTI cannot express (regular expressions, tolerances, units, rubrics, tags, hints…)
 * travels in Sapere's extension namespace, which other tools ignore.
 */
public final class QtiItemWriter {

    /** XHTML elements inside an item body keep their names in QTI 3.0; everything else gains the qti- prefix. */
    private static final Set<String> HTML = Set.of("div", "p", "span", "br", "em", "strong", "img");

    private static final Map<String, String> TEMPLATES_30 = Map.of(
            QtiXml.MATCH_CORRECT, QtiXml.MATCH_CORRECT_30,
            QtiXml.MAP_RESPONSE, QtiXml.MAP_RESPONSE_30);

    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    /** The item as a QTI 2.1 assessmentItem in {@code language} (its original when it has no such variant). */
    public String toQti21(Item item, String language) {
        return QtiXml.serialize(QtiItemBuilder.build(item, language));
    }

    /**
     * The item as a QTI 3.0 assessmentItem: the same content as 2.1, with QTI 3's kebab-case {@code qti-} element
     * and attribute names, its namespace and its template URIs.
     */
    public String toQti30(Item item, String language) {
        var qti21 = QtiItemBuilder.build(item, language);
        var qti30 = QtiXml.newDocument();
        qti30.appendChild(convert(qti30, qti21.getDocumentElement()));
        return QtiXml.serialize(qti30);
    }

    private static Element convert(Document target, Element source) {
        Element copy;
        if (QtiXml.isSapere(source)) {
            copy = target.createElementNS(QtiXml.SAPERE, source.getTagName());
        } else {
            var name = QtiXml.localName(source);
            copy = target.createElementNS(QtiXml.QTI30, HTML.contains(name) ? name : "qti-" + kebab(name));
        }
        var attributes = source.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            var attribute = attributes.item(i);
            var namespace = attribute.getNamespaceURI();
            if (namespace == null) {
                var value = attribute.getNodeValue();
                if (attribute.getNodeName().equals("template")) {
                    value = TEMPLATES_30.getOrDefault(value, value);
                }
                copy.setAttribute(
                        QtiXml.isSapere(source) ? attribute.getNodeName() : kebab(attribute.getNodeName()), value);
            } else if (!namespace.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)
                    || attribute.getNodeName().equals("xmlns:sapere")) {
                copy.setAttributeNS(namespace, attribute.getNodeName(), attribute.getNodeValue());
            }
        }
        for (var node = source.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                copy.appendChild(convert(target, element));
            } else {
                copy.appendChild(target.importNode(node, false));
            }
        }
        return copy;
    }

    private static String kebab(String camel) {
        return CAMEL.matcher(camel).replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
