package org.sapere.assessment.qti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.shared.LocalizedText;

/**
 * A QTI 2.1 export of every item type imports back identically: the records are value-equal, ids, versions,
 * Markdown with blank lines and odd spacing, feedback, tags, skills, hints and scoring modes included.
 */
class QtiRoundTripTests {

    private final QtiItemWriter writer = new QtiItemWriter();
    private final QtiItemReader reader = new QtiItemReader();

    static Stream<Item> items() {
        return QtiSamples.items().stream();
    }

    @ParameterizedTest
    @MethodSource("items")
    void everyTypeImportsBackIdentically(Item item) {
        var xml = writer.toQti21(item, "en");
        var result = reader.read(QtiXml.parse(xml));
        assertThat(result).isInstanceOf(QtiItemReader.Imported.class);
        var imported = (QtiItemReader.Imported) result;
        assertThat(imported.item()).isEqualTo(item);
        assertThat(imported.warnings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("items")
    void theExportIsAStandardItemWithItsIdentifierAndLanguage(Item item) {
        var root = QtiXml.parse(writer.toQti21(item, "en")).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(QtiXml.QTI21);
        assertThat(root.getLocalName()).isEqualTo("assessmentItem");
        assertThat(root.getAttribute("identifier"))
                .isEqualTo("sapere-" + item.info().id());
        assertThat(QtiXml.xmlLang(root)).isEqualTo("en");
        assertThat(root.getAttribute("title")).isNotBlank();
    }

    @Test
    void lineBreaksOfEveryKindAndSpacesSurvive() {
        var stem = "First line\r\nsecond line\r\n\r\nNew paragraph\rold Mac line\n\n\n  indented\ttab  ";
        var item = new SingleChoice(
                QtiSamples.info(stem, "1", ScoringMode.PARTIAL),
                List.of(QtiSamples.option("a", " spaced\r\noption ", "fb\r\n"), QtiSamples.option("b", "b", null)),
                "a");
        var imported = (QtiItemReader.Imported) reader.read(QtiXml.parse(writer.toQti21(item, "en")));
        assertThat(imported.item()).isEqualTo(item);
    }

    @Test
    void aWholePackageOfEveryTypeImportsBackIdentically() {
        var items = QtiSamples.items();
        var bytes = new QtiPackageWriter().write(items, "en");
        var result = new QtiBankImport().importPackage(new ByteArrayInputStream(bytes));
        assertThat(result.unsupported()).isEmpty();
        assertThat(result.imported()).isTrue();
        assertThat(result.items()).containsExactlyElementsOf(items);
        assertThat(result.warnings()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("items")
    void itemsInSeveralLanguagesImportBackWithAllOfThem(Item item) {
        var translated = QtiTexts.replace(item, text -> {
            var variants = new LinkedHashMap<>(text.variants());
            variants.put("it", text.original() + " (it)");
            variants.put("de", text.original() + " (de)");
            return new LocalizedText(variants);
        });
        var partly = item.withInfo(translated.info());
        for (var language : List.of("en", "it", "sv")) {
            for (var multilingual : List.of(translated, partly)) {
                var imported = reader.read(QtiXml.parse(writer.toQti21(multilingual, language)));
                assertThat(((QtiItemReader.Imported) imported).item()).isEqualTo(multilingual);
            }
        }
        assertThat(QtiXml.xmlLang(QtiXml.parse(writer.toQti21(translated, "it")).getDocumentElement()))
                .isEqualTo("it");
    }

    @Test
    void twoVersionsOfAnItemTravelInOnePackage() {
        var first = QtiSamples.items().getFirst();
        var second = first.nextVersion();
        var bytes = new QtiPackageWriter().write(List.of(first, second), "en");
        var result = new QtiBankImport().importPackage(new ByteArrayInputStream(bytes));
        assertThat(result.items()).containsExactly(first, second);
    }

    @Test
    void qti30IsWrittenButNotYetRead() {
        var item = QtiSamples.items().getFirst();
        assertThat(reader.read(QtiXml.parse(writer.toQti30(item, "en"))))
                .isEqualTo(new QtiItemReader.Unsupported(
                        "sapere-" + item.info().id(), "assessment.qti.unsupportedFeature", "QTI 3.0"));
    }

    @Test
    void thePackageManifestListsEveryItemAsAQti21Resource() {
        var items = QtiSamples.items();
        var qti = QtiPackage.read(new ByteArrayInputStream(new QtiPackageWriter().write(items, "en")));
        assertThat(qti.items()).hasSize(items.size()).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("imsqti_item_xmlv2p1");
            assertThat(r.identifier()).matches("sapere-[0-9a-f-]{36}-v[0-9]+");
            assertThat(r.href()).isEqualTo("items/" + r.identifier() + ".xml");
            assertThat(r.files()).containsExactly(r.href());
        });
    }
}
