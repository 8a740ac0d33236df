package org.sapere.assessment.qti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Scoring;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;

/**
 * Standard QTI 2.1 items written the way third-party tools export them import into the right Sapere types and
 * score as their templates would; items Sapere cannot read are reported by identifier, and a package holding one
 * imports nothing.
 */
class QtiForeignItemTests {

    private static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                identifier="%s" title="%s" adaptive="false" timeDependent="false">
            """;
    private static final String MATCH_CORRECT =
            "<responseProcessing template=\"http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct\"/>";
    private static final String MAP_RESPONSE =
            "<responseProcessing template=\"http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response\"/>";
    private static final String SCORE = """
            <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
            """;

    static final String CHOICE =
            HEAD.formatted("choice-1", "Capital of Italy") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>ChoiceB</value></correctResponse>
              </responseDeclaration>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="2"/>
              <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>
              <itemBody>
                <p>Look at the map of <em>Italy</em>.</p>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">
                  <prompt>Which city is the capital?</prompt>
                  <simpleChoice identifier="ChoiceA">Milan
                    <feedbackInline outcomeIdentifier="FEEDBACK" identifier="ChoiceA" showHide="show">No.</feedbackInline>
                  </simpleChoice>
                  <simpleChoice identifier="ChoiceB"><b>Rome</b></simpleChoice>
                  <simpleChoice identifier="ChoiceC">Turin</simpleChoice>
                </choiceInteraction>
              </itemBody>
            """ + MATCH_CORRECT + "</assessmentItem>";

    static final String MULTIPLE =
            HEAD.formatted("multiple-1", "Italian cities") + """
              <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
                <correctResponse><value>A</value><value>B</value></correctResponse>
                <mapping lowerBound="0" upperBound="2" defaultValue="0">
                  <mapEntry mapKey="A" mappedValue="1"/><mapEntry mapKey="B" mappedValue="1"/>
                  <mapEntry mapKey="C" mappedValue="-1"/>
                </mapping>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="3">
                  <prompt>Which are in Italy?</prompt>
                  <simpleChoice identifier="A">Milan</simpleChoice>
                  <simpleChoice identifier="B">Naples</simpleChoice>
                  <simpleChoice identifier="C">Lyon</simpleChoice>
                </choiceInteraction>
              </itemBody>
            """ + MAP_RESPONSE + "</assessmentItem>";

    static final String TEXT_ENTRY =
            HEAD.formatted("text-1", "Capital of France") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">
                <correctResponse><value>Paris</value></correctResponse>
                <mapping defaultValue="0">
                  <mapEntry mapKey="Paris" mappedValue="1" caseSensitive="false"/>
                  <mapEntry mapKey="Lutetia" mappedValue="1" caseSensitive="true"/>
                </mapping>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <p>The capital of France is <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="10"/>.</p>
              </itemBody>
            """ + MAP_RESPONSE + "</assessmentItem>";

    static final String NUMBER =
            HEAD.formatted("number-1", "Regions") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer">
                <correctResponse><value>20</value></correctResponse>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody><p>How many regions has Italy? <textEntryInteraction responseIdentifier="RESPONSE"/></p></itemBody>
            """ + MATCH_CORRECT + "</assessmentItem>";

    static final String ORDER =
            HEAD.formatted("order-1", "Founding order") + """
              <responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier">
                <correctResponse><value>R</value><value>F</value><value>T</value></correctResponse>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <orderInteraction responseIdentifier="RESPONSE" shuffle="true">
                  <prompt>Oldest first.</prompt>
                  <simpleChoice identifier="T">Turin</simpleChoice>
                  <simpleChoice identifier="R">Rome</simpleChoice>
                  <simpleChoice identifier="F">Florence</simpleChoice>
                </orderInteraction>
              </itemBody>
            """ + MATCH_CORRECT + "</assessmentItem>";

    static final String MATCH =
            HEAD.formatted("match-1", "Capitals") + """
              <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">
                <correctResponse><value>IT ROM</value><value>FR PAR</value></correctResponse>
                <mapping defaultValue="0"><mapEntry mapKey="IT ROM" mappedValue="1"/><mapEntry mapKey="FR PAR" mappedValue="1"/></mapping>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="2">
                  <prompt>Match each country with its capital.</prompt>
                  <simpleMatchSet>
                    <simpleAssociableChoice identifier="IT" matchMax="1">Italy</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="FR" matchMax="1">France</simpleAssociableChoice>
                  </simpleMatchSet>
                  <simpleMatchSet>
                    <simpleAssociableChoice identifier="ROM" matchMax="1">Rome</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="PAR" matchMax="1">Paris</simpleAssociableChoice>
                    <simpleAssociableChoice identifier="LYO" matchMax="1">Lyon</simpleAssociableChoice>
                  </simpleMatchSet>
                </matchInteraction>
              </itemBody>
            """ + MAP_RESPONSE + "</assessmentItem>";

    static final String GAP_MATCH =
            HEAD.formatted("gapmatch-1", "Rivers") + """
              <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">
                <correctResponse><value>W1 G1</value><value>W2 G2</value></correctResponse>
                <mapping defaultValue="0"><mapEntry mapKey="W1 G1" mappedValue="1"/><mapEntry mapKey="W2 G2" mappedValue="1"/></mapping>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <gapMatchInteraction responseIdentifier="RESPONSE" shuffle="false">
                  <prompt>Drag the rivers into place.</prompt>
                  <gapText identifier="W1" matchMax="1">Tiber</gapText>
                  <gapText identifier="W2" matchMax="1">Seine</gapText>
                  <gapText identifier="W3" matchMax="1">Thames</gapText>
                  <p>Rome lies on the <gap identifier="G1"/>, Paris on the <gap identifier="G2"/>.</p>
                </gapMatchInteraction>
              </itemBody>
            """ + MAP_RESPONSE + "</assessmentItem>";

    static final String INLINE_CHOICE =
            HEAD.formatted("inline-1", "Capital of Spain") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>M</value></correctResponse>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <p>The capital of Spain is
                  <inlineChoiceInteraction responseIdentifier="RESPONSE" shuffle="false">
                    <inlineChoice identifier="B">Barcelona</inlineChoice>
                    <inlineChoice identifier="M">Madrid</inlineChoice>
                  </inlineChoiceInteraction>.</p>
              </itemBody>
            """ + MATCH_CORRECT + "</assessmentItem>";

    static final String EXTENDED_TEXT = HEAD.formatted("essay-1", "Unification") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"/>
              <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float" normalMaximum="5"/>
              <itemBody>
                <p>Discuss the unification of Italy.</p>
                <extendedTextInteraction responseIdentifier="RESPONSE" expectedLength="2000"/>
              </itemBody>
            </assessmentItem>
            """;

    static final String HOTSPOT =
            HEAD.formatted("hotspot-1", "Where is Rome?") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>H1</value></correctResponse>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <hotspotInteraction responseIdentifier="RESPONSE" maxChoices="1">
                  <object type="image/png" data="map.png" width="200" height="200"/>
                  <hotspotChoice identifier="H1" shape="circle" coords="100,120,10"/>
                </hotspotInteraction>
              </itemBody>
            """ + MATCH_CORRECT + "</assessmentItem>";

    static final String CUSTOM = HEAD.formatted("custom-1", "Own rules") + """
              <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
                <correctResponse><value>A</value></correctResponse>
              </responseDeclaration>
            """ + SCORE + """
              <itemBody>
                <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
                  <simpleChoice identifier="A">Yes</simpleChoice><simpleChoice identifier="B">No</simpleChoice>
                </choiceInteraction>
              </itemBody>
              <responseProcessing>
                <responseCondition><responseIf><isNull><variable identifier="RESPONSE"/></isNull>
                  <setOutcomeValue identifier="SCORE"><baseValue baseType="float">0.5</baseValue></setOutcomeValue>
                </responseIf></responseCondition>
              </responseProcessing>
            </assessmentItem>
            """;

    private final QtiItemReader reader = new QtiItemReader();

    private Item item(String xml) {
        var result = reader.read(QtiXml.parse(xml));
        assertThat(result).isInstanceOf(QtiItemReader.Imported.class);
        return ((QtiItemReader.Imported) result).item();
    }

    @Test
    void aChoiceWithMatchCorrectIsASingleChoice() {
        var item = (SingleChoice) item(CHOICE);
        assertThat(item.info().stem().original()).isEqualTo("Look at the map of Italy.\n\nWhich city is the capital?");
        assertThat(item.info().points()).isEqualByComparingTo("2");
        assertThat(item.options()).extracting(o -> o.text().original()).containsExactly("Milan", "Rome", "Turin");
        assertThat(item.options().getFirst().feedback().original()).isEqualTo("No.");
        assertThat(item.correct()).isEqualTo("ChoiceB");
        assertThat(Scoring.score(item, new Response.SingleChoice("ChoiceB")).points())
                .isEqualByComparingTo("2");
        assertThat(Scoring.score(item, new Response.SingleChoice("ChoiceA")).points())
                .isEqualByComparingTo("0");
        // Importing again gives the same id, so a re-import can be recognised.
        assertThat(item(CHOICE).info().id()).isEqualTo(item.info().id());
    }

    @Test
    void aChoiceOfSeveralWithMapResponseIsAMultipleResponseWithPartialCredit() {
        var item = (MultipleResponse) item(MULTIPLE);
        assertThat(item.correct()).containsExactlyInAnyOrder("A", "B");
        assertThat(item.info().points()).isEqualByComparingTo("2");
        assertThat(item.info().scoringMode()).isEqualTo(ScoringMode.PARTIAL);
        assertThat(Scoring.score(item, new Response.MultipleResponse(Set.of("A")))
                        .points())
                .isEqualByComparingTo("1");
        assertThat(Scoring.score(item, new Response.MultipleResponse(Set.of("A", "B")))
                        .points())
                .isEqualByComparingTo("2");
        assertThat(Scoring.score(item, new Response.MultipleResponse(Set.of("A", "C")))
                        .points())
                .isEqualByComparingTo("0");
    }

    @Test
    void aTextEntryWithMapResponseIsAShortTextWithItsLiterals() {
        var item = (ShortText) item(TEXT_ENTRY);
        assertThat(item.info().stem().original()).isEqualTo("The capital of France is .");
        assertThat(Scoring.score(item, new Response.ShortText("paris")).correctness())
                .isEqualTo(Correctness.CORRECT);
        assertThat(Scoring.score(item, new Response.ShortText("Lutetia")).correctness())
                .isEqualTo(Correctness.CORRECT);
        assertThat(Scoring.score(item, new Response.ShortText("lutetia")).correctness())
                .isEqualTo(Correctness.INCORRECT);
        assertThat(Scoring.score(item, new Response.ShortText("Lyon")).correctness())
                .isEqualTo(Correctness.INCORRECT);
    }

    @Test
    void anIntegerTextEntryIsAnExactNumeric() {
        var item = (Numeric) item(NUMBER);
        assertThat(item.answer().value()).isEqualByComparingTo("20");
        assertThat(Scoring.score(item, new Response.Numeric("20")).points()).isEqualByComparingTo("1");
        assertThat(Scoring.score(item, new Response.Numeric("21")).points()).isEqualByComparingTo("0");
    }

    @Test
    void anOrderWithMatchCorrectIsAnOrderingAllOrNothing() {
        var item = (Ordering) item(ORDER);
        assertThat(item.items()).extracting(o -> o.id()).containsExactly("R", "F", "T");
        assertThat(item.info().scoringMode()).isEqualTo(ScoringMode.ALL_OR_NOTHING);
        assertThat(item.info().stem().original()).isEqualTo("Oldest first.");
        assertThat(Scoring.score(item, new Response.Ordering(List.of("R", "F", "T")))
                        .points())
                .isEqualByComparingTo("1");
        assertThat(Scoring.score(item, new Response.Ordering(List.of("R", "T", "F")))
                        .points())
                .isEqualByComparingTo("0");
    }

    @Test
    void aMatchOfDirectedPairsIsAMatching() {
        var item = (Matching) item(MATCH);
        assertThat(item.pairs()).isEqualTo(Map.of("IT", "ROM", "FR", "PAR"));
        assertThat(item.rights()).hasSize(3);
        assertThat(item.rightsReusable()).isFalse();
        assertThat(item.info().points()).isEqualByComparingTo("2");
        assertThat(Scoring.score(item, new Response.Matching(Map.of("IT", "ROM", "FR", "LYO")))
                        .points())
                .isEqualByComparingTo("1");
    }

    @Test
    void aGapMatchIsAFillInTheBlanksWithTheWordsAsInlineChoices() {
        var item = (FillInTheBlanks) item(GAP_MATCH);
        assertThat(item.text().original()).isEqualTo("Rome lies on the {{G1}}, Paris on the {{G2}}.");
        assertThat(item.info().stem().original()).isEqualTo("Drag the rivers into place.");
        assertThat(item.gaps())
                .allSatisfy(g -> assertThat(((Gap.InlineChoice) g).options()).hasSize(3));
        assertThat(Scoring.score(item, new Response.FillInTheBlanks(Map.of("G1", "W1", "G2", "W3")))
                        .points())
                .isEqualByComparingTo("1");
        assertThat(Scoring.score(item, new Response.FillInTheBlanks(Map.of("G1", "W1", "G2", "W2")))
                        .points())
                .isEqualByComparingTo("2");
    }

    @Test
    void anInlineChoiceIsAFillInTheBlanksWithOneGap() {
        var item = (FillInTheBlanks) item(INLINE_CHOICE);
        assertThat(item.text().original()).isEqualTo("The capital of Spain is {{RESPONSE}}.");
        assertThat(item.info().stem().original()).isEqualTo("Capital of Spain");
        assertThat(Scoring.score(item, new Response.FillInTheBlanks(Map.of("RESPONSE", "M")))
                        .correctness())
                .isEqualTo(Correctness.CORRECT);
        assertThat(Scoring.score(item, new Response.FillInTheBlanks(Map.of("RESPONSE", "B")))
                        .correctness())
                .isEqualTo(Correctness.INCORRECT);
    }

    @Test
    void anExtendedTextIsAnEssayWithOneCriterionWorthItsPoints() {
        var item = (Essay) item(EXTENDED_TEXT);
        assertThat(item.info().points()).isEqualByComparingTo("5");
        assertThat(item.rubric().criteria())
                .singleElement()
                .satisfies(c -> assertThat(c.maxPoints()).isEqualByComparingTo(new BigDecimal("5")));
        assertThat(Scoring.score(item, new Response.Essay("Garibaldi…")).correctness())
                .isEqualTo(Correctness.PENDING);
    }

    @Test
    void unsupportedInteractionsAndCustomProcessingAreReportedByIdentifier() {
        assertThat(reader.read(QtiXml.parse(HOTSPOT)))
                .isEqualTo(new QtiItemReader.Unsupported(
                        "hotspot-1", "assessment.qti.unsupportedInteraction", "hotspotInteraction"));
        assertThat(reader.read(QtiXml.parse(CUSTOM)))
                .isEqualTo(new QtiItemReader.Unsupported(
                        "custom-1", "assessment.qti.customProcessing", "responseProcessing"));
    }

    @Test
    void numbersWithHugeExponentsAreRefusedBeforeAnyArithmetic() {
        var bomb = CHOICE.replace("normalMaximum=\"2\"", "normalMaximum=\"1e999999999\"");
        assertThat(reader.read(QtiXml.parse(bomb)))
                .isInstanceOfSatisfying(
                        QtiItemReader.Unsupported.class,
                        u -> assertThat(u.reason()).isEqualTo("assessment.qti.unreadable"));
        var tiny = NUMBER.replace("<value>20</value>", "<value>1e-999999999</value>");
        assertThat(reader.read(QtiXml.parse(tiny))).isInstanceOf(QtiItemReader.Unsupported.class);
    }

    @Test
    void deeplyNestedMarkupIsRefusedWithoutOverflowingTheStack() {
        var deep = CHOICE.replace(
                "<prompt>Which city is the capital?</prompt>",
                "<prompt>" + "<span>".repeat(50_000) + "x" + "</span>".repeat(50_000) + "</prompt>");
        // The parser refuses it (the JDK limits nesting when parsing securely)…
        assertThatThrownBy(() -> QtiXml.parse(deep))
                .isInstanceOfSatisfying(
                        InvalidPackageException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("assessment.qti.badXml"));
        // …and the reader refuses a document built some other way.
        var document = QtiXml.parse(CHOICE);
        var parent = document.getElementsByTagNameNS("*", "prompt").item(0);
        for (int i = 0; i < 50_000; i++) {
            parent = parent.appendChild(document.createElementNS(QtiXml.QTI21, "span"));
        }
        assertThat(reader.read(document))
                .isEqualTo(new QtiItemReader.Unsupported(
                        "choice-1", "assessment.qti.unsupportedFeature", "nesting deeper than 200"));
        assertThat(QtiXml.depth(QtiXml.parse(CHOICE).getDocumentElement())).isEqualTo(5);
    }

    @Test
    void aPackageOfGoodItemsImportsThemAll() {
        var result = new QtiBankImport().importPackage(new ByteArrayInputStream(pack(List.of(CHOICE, ORDER, MATCH))));
        assertThat(result.imported()).isTrue();
        assertThat(result.items()).hasSize(3);
    }

    @Test
    void aPackageWithAHotspotAmongGoodItemsImportsNothingAndNamesTheHotspot() {
        var result = new QtiBankImport()
                .importPackage(new ByteArrayInputStream(pack(List.of(CHOICE, HOTSPOT, ORDER, EXTENDED_TEXT))));
        assertThat(result.imported()).isFalse();
        assertThat(result.items()).isEmpty();
        assertThat(result.unsupported())
                .containsExactly(new QtiItemReader.Unsupported(
                        "hotspot-1", "assessment.qti.unsupportedInteraction", "hotspotInteraction"));
    }

    /** A content package of the items, as a third-party tool lays it out. */
    private static byte[] pack(List<String> items) {
        var manifest = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="export"><organizations/><resources>
                """);
        for (int i = 0; i < items.size(); i++) {
            manifest.append(
                    "<resource identifier=\"r%d\" type=\"imsqti_item_xmlv2p1\" href=\"q%d.xml\"><file href=\"q%d.xml\"/></resource>"
                            .formatted(i, i, i));
        }
        manifest.append("</resources></manifest>");
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < items.size(); i++) {
                zip.putNextEntry(new ZipEntry("q" + i + ".xml"));
                zip.write(items.get(i).strip().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
