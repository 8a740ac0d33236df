package org.sapere.assessment.qti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sapere.assessment.domain.Item;
import org.w3c.dom.Element;

/**
 * The QTI 3.0 export is well-formed XML in the QTI 3.0 namespace, with kebab-case {@code qti-} element and attribute
 * names, the interaction each type maps to, and QTI 3's template URIs.
 */
class Qti30ExportTests {

    private final QtiItemWriter writer = new QtiItemWriter();

    static Stream<Arguments> items() {
        var items = QtiSamples.items();
        return Stream.of(
                Arguments.of(items.get(0), "qti-choice-interaction", QtiXml.MATCH_CORRECT_30),
                Arguments.of(items.get(1), "qti-choice-interaction", QtiXml.MAP_RESPONSE_30),
                Arguments.of(items.get(7), "qti-text-entry-interaction", QtiXml.MAP_RESPONSE_30),
                Arguments.of(items.get(9), "qti-extended-text-interaction", null),
                Arguments.of(items.get(11), "qti-order-interaction", QtiXml.MATCH_CORRECT_30),
                Arguments.of(items.get(13), "qti-match-interaction", QtiXml.MAP_RESPONSE_30),
                Arguments.of(items.get(15), "qti-inline-choice-interaction", null));
    }

    @ParameterizedTest
    @MethodSource("items")
    void qti30HasTheExpectedElements(Item item, String interaction, String template) {
        var root = QtiXml.parse(writer.toQti30(item, "en")).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(QtiXml.QTI30);
        assertThat(root.getLocalName()).isEqualTo("qti-assessment-item");
        assertThat(root.getAttribute("identifier"))
                .isEqualTo("sapere-" + item.info().id());
        assertThat(QtiXml.xmlLang(root)).isEqualTo("en");
        assertThat(root.getElementsByTagNameNS(QtiXml.QTI30, interaction).getLength())
                .isPositive();
        assertThat(root.getElementsByTagNameNS(QtiXml.QTI30, "qti-response-declaration")
                        .getLength())
                .isPositive();
        assertThat(root.getElementsByTagNameNS(QtiXml.QTI30, "qti-item-body").getLength())
                .isOne();
        var processing = root.getElementsByTagNameNS(QtiXml.QTI30, "qti-response-processing");
        if (template != null) {
            assertThat(((Element) processing.item(0)).getAttribute("template")).isEqualTo(template);
        }
        var elements = root.getElementsByTagNameNS(QtiXml.QTI30, "*");
        for (int i = 0; i < elements.getLength(); i++) {
            var element = (Element) elements.item(i);
            var name = element.getLocalName();
            assertThat(name.startsWith("qti-") || name.equals("div") || name.equals("p"))
                    .as(name)
                    .isTrue();
            var attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                var attribute = attributes.item(a).getNodeName();
                assertThat(attribute).as(name + "@" + attribute).isEqualTo(attribute.toLowerCase());
            }
        }
        assertThat(root.getElementsByTagNameNS(QtiXml.QTI21, "*").getLength()).isZero();
    }
}
