package org.sapere.assessment.qti;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespaces, template URIs and the few DOM helpers the QTI writer and reader share. */
final class QtiXml {

    static final String QTI21 = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    static final String QTI30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    static final String IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    /** Sapere's extension namespace: what QTI cannot say (regular expressions, tolerances, rubrics, tags…). */
    static final String SAPERE = "https://sapere.example/qti";

    static final String MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct";
    static final String MAP_RESPONSE = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response";
    static final String MATCH_CORRECT_30 = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml";
    static final String MAP_RESPONSE_30 = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml";

    /** The class marking the paragraphs of a Markdown text (stem, gap text) so they read back exactly. */
    static final String MARKDOWN_CLASS = "sapere-markdown";

    static final String GAPS_CLASS = "sapere-gaps";
    static final String TRUE_FALSE_CLASS = "sapere-true-false";

    private QtiXml() {}

    static Document newDocument() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document as UTF-8 XML, without indentation: whitespace in texts is content and must survive. */
    static String serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            var out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses XML as safely as a package's files are parsed: no DTD, no entities, no external access. */
    static Document parse(String xml) {
        return QtiPackage.parse("item.xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    static String localName(Element element) {
        return QtiPackage.localName(element);
    }

    static boolean isSapere(Node node) {
        return SAPERE.equals(node.getNamespaceURI());
    }

    /** Child elements named {@code name} outside Sapere's namespace (QTI 2.1, 2.2 or none). */
    static List<Element> children(Element parent, String name) {
        var list = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && !isSapere(e) && localName(e).equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> sapereChildren(Element parent, String name) {
        var list = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && isSapere(e) && localName(e).equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    /** Descendants named {@code name} outside Sapere's namespace, in document order. */
    static List<Element> descendants(Element root, String name) {
        var list = new ArrayList<Element>();
        var nodes = root.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!isSapere(nodes.item(i))) {
                list.add((Element) nodes.item(i));
            }
        }
        return list;
    }

    /** How deep elements nest under {@code root} (root alone is 1), counted without recursion. */
    static int depth(Element root) {
        var deepest = 0;
        var depth = 1;
        Node node = root;
        while (node != null) {
            if (node instanceof Element) {
                deepest = Math.max(deepest, depth);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node != root && node.getNextSibling() == null) {
                node = node.getParentNode();
                depth--;
            }
            node = node == null || node == root ? null : node.getNextSibling();
        }
        return deepest;
    }

    static String xmlLang(Element element) {
        return element.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
    }

    /**
     * A number from the XML, refused when written with an exponent so large or small that arithmetic on it (points
     * kept to four decimals, sums of mapped values) would take unbounded memory: {@code 1e999999999} is short to
     * write and gigabytes to scale.
     */
    static BigDecimal number(String text) {
        if (text.length() > 100) {
            throw new IllegalArgumentException("number too long: " + text.substring(0, 40));
        }
        var number = new BigDecimal(text.strip());
        if (Math.abs(number.scale()) > 100 || number.precision() - number.scale() > 100) {
            throw new IllegalArgumentException(
                    "number out of range: " + text.substring(0, Math.min(text.length(), 40)));
        }
        return number;
    }
}
