package org.sapere.assessment.qti;

import static org.sapere.assessment.qti.QtiXml.QTI21;
import static org.sapere.assessment.qti.QtiXml.SAPERE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Score;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.shared.LocalizedText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds one item's QTI 2.1 assessmentItem. The standard parts carry what QTI can say (interactions, correct
 * responses, mappings, templates, the maximum score); a {@code sapere:item} element at the end carries the rest, so
 * an item exported by Sapere imports back unchanged while other tools see an ordinary item.
 */
final class QtiItemBuilder {

    static final String RESPONSE = "RESPONSE";

    /** The words for the true/false choices, for tools that show them as they are. */
    private static final Map<String, String[]> TRUE_FALSE = Map.of(
            "en", new String[] {"True", "False"},
            "it", new String[] {"Vero", "Falso"},
            "de", new String[] {"Wahr", "Falsch"},
            "nl", new String[] {"Waar", "Onwaar"},
            "sv", new String[] {"Sant", "Falskt"});

    private final Document doc = QtiXml.newDocument();
    private final String language;
    private final Item item;
    private final List<Element> declarations = new ArrayList<>();
    private final Element body;
    private final QtiExtensionWriter extension;
    private @Nullable Element processing;

    private QtiItemBuilder(Item item, String language) {
        this.item = item;
        this.language = language;
        body = doc.createElementNS(QTI21, "itemBody");
        extension = new QtiExtensionWriter(doc, this::text);
    }

    static Document build(Item item, String language) {
        return new QtiItemBuilder(item, language).build();
    }

    /** The identifier of an item exported by Sapere: stable across versions and exports. */
    static String identifier(Item item) {
        return "sapere-" + item.info().id();
    }

    private Document build() {
        var info = item.info();
        var root = doc.createElementNS(QTI21, "assessmentItem");
        doc.appendChild(root);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:sapere", SAPERE);
        root.setAttribute("identifier", identifier(item));
        root.setAttribute("title", title(text(info.stem())));
        root.setAttribute("adaptive", "false");
        root.setAttribute("timeDependent", "false");
        root.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", language);
        markdown(body, info.stem(), QtiXml.MARKDOWN_CLASS);
        extension.info(item.info());
        extension.languages(QtiTexts.collect(item));
        content();
        declarations.forEach(root::appendChild);
        var score = outcome(root, "SCORE", "single", "float");
        score.setAttribute("normalMaximum", info.points().toPlainString());
        var defaultValue = add(score, "defaultValue");
        add(defaultValue, "value").setTextContent("0");
        if (item instanceof SingleChoice || item instanceof MultipleResponse || item instanceof TrueFalse) {
            outcome(root, "FEEDBACK", "single", "identifier");
        }
        root.appendChild(body);
        if (processing != null) {
            root.appendChild(processing);
        }
        root.appendChild(extension.element());
        return doc;
    }

    private void content() {
        var points = item.info().points();
        var allOrNothing = item.info().scoringMode() == ScoringMode.ALL_OR_NOTHING;
        switch (item) {
            case SingleChoice i -> {
                declare(RESPONSE, "single", "identifier", List.of(i.correct()));
                choices(interaction(body, "choiceInteraction", "1"), i.options());
                template(QtiXml.MATCH_CORRECT);
            }
            case MultipleResponse i -> {
                var correct = i.options().stream()
                        .map(Option::id)
                        .filter(i.correct()::contains)
                        .toList();
                var declaration = declare(RESPONSE, "multiple", "identifier", correct);
                var share = share(points, correct.size());
                var mapping = mapping(declaration, points);
                for (var option : i.options()) {
                    entry(mapping, option.id(), correct.contains(option.id()) ? share : share.negate(), null);
                }
                choices(interaction(body, "choiceInteraction", "0"), i.options());
                template(allOrNothing ? QtiXml.MATCH_CORRECT : QtiXml.MAP_RESPONSE);
            }
            case TrueFalse i -> {
                declare(RESPONSE, "single", "identifier", List.of(Boolean.toString(i.correct())));
                var interaction = interaction(body, "choiceInteraction", "1");
                interaction.setAttribute("class", QtiXml.TRUE_FALSE_CLASS);
                var words = TRUE_FALSE.getOrDefault(language.toLowerCase(Locale.ROOT), TRUE_FALSE.get("en"));
                choice(interaction, "simpleChoice", "true", words[0], i.trueFeedback());
                choice(interaction, "simpleChoice", "false", words[1], i.falseFeedback());
                template(QtiXml.MATCH_CORRECT);
            }
            case Numeric i -> {
                numeric(body, RESPONSE, i.answer());
                template(QtiXml.MATCH_CORRECT);
            }
            case ShortText i -> {
                text(body, RESPONSE, i.accepted(), points);
                template(QtiXml.MAP_RESPONSE);
            }
            case Essay i -> essay(i);
            case Ordering i -> {
                declare(
                        RESPONSE,
                        "ordered",
                        "identifier",
                        i.items().stream().map(Option::id).toList());
                var interaction = interaction(body, "orderInteraction", null);
                interaction.setAttribute("shuffle", "true");
                choices(interaction, i.items());
                template(QtiXml.MATCH_CORRECT);
            }
            case Matching i -> matching(i, points, allOrNothing);
            case FillInTheBlanks i -> gaps(i, points);
        }
    }

    private void essay(Essay essay) {
        declare(RESPONSE, "single", "string", List.of());
        var interaction = interaction(body, "extendedTextInteraction", null);
        if (essay.maxWords() != null) {
            // expectedLength counts characters: about six per word, spaces included.
            interaction.setAttribute("expectedLength", Integer.toString(essay.maxWords() * 6));
        }
        extension.essay(essay.rubric(), essay.minWords(), essay.maxWords());
    }

    private void matching(Matching matching, BigDecimal points, boolean allOrNothing) {
        var pairs = matching.lefts().stream()
                .map(left -> left.id() + " " + matching.pairs().get(left.id()))
                .toList();
        var declaration = declare(RESPONSE, "multiple", "directedPair", pairs);
        var mapping = mapping(declaration, points);
        var share = share(points, pairs.size());
        pairs.forEach(pair -> entry(mapping, pair, share, null));
        var interaction = interaction(body, "matchInteraction", null);
        interaction.setAttribute("shuffle", "false");
        interaction.setAttribute(
                "maxAssociations", Integer.toString(matching.lefts().size()));
        var lefts = add(interaction, "simpleMatchSet");
        for (var left : matching.lefts()) {
            choice(lefts, "simpleAssociableChoice", left.id(), text(left.text()), left.feedback())
                    .setAttribute("matchMax", "1");
        }
        var rights = add(interaction, "simpleMatchSet");
        for (var right : matching.rights()) {
            // 0 is QTI's "as often as you like".
            choice(rights, "simpleAssociableChoice", right.id(), text(right.text()), right.feedback())
                    .setAttribute("matchMax", matching.rightsReusable() ? "0" : "1");
        }
        template(allOrNothing ? QtiXml.MATCH_CORRECT : QtiXml.MAP_RESPONSE);
    }

    /**
     * The gap text as paragraphs with an interaction where each marker stands, one response per gap. No standard
     * template scores several responses, so the processing is written out: each gap adds its share to SCORE.
     */
    private void gaps(FillInTheBlanks fill, BigDecimal points) {
        var share = share(points, fill.gaps().size());
        var container = add(body, "div");
        container.setAttribute("class", QtiXml.GAPS_CLASS);
        for (var paragraph : text(fill.text()).split("\n\n", -1)) {
            var p = add(container, "p");
            var m = FillInTheBlanks.MARKER.matcher(paragraph);
            var last = 0;
            while (m.find()) {
                p.appendChild(doc.createTextNode(paragraph.substring(last, m.start())));
                var id = m.group(1);
                var gap = fill.gaps().stream()
                        .filter(g -> g.id().equals(id))
                        .findFirst()
                        .orElseThrow();
                gap(p, gap, share);
                last = m.end();
            }
            p.appendChild(doc.createTextNode(paragraph.substring(last)));
        }
        processing = doc.createElementNS(QTI21, "responseProcessing");
        for (var gap : fill.gaps()) {
            var set = doc.createElementNS(QTI21, "setOutcomeValue");
            set.setAttribute("identifier", "SCORE");
            var sum = add(set, "sum");
            add(sum, "variable").setAttribute("identifier", "SCORE");
            if (gap instanceof Gap.Text) {
                add(sum, "mapResponse").setAttribute("identifier", gap.id());
                processing.appendChild(set);
            } else {
                var base = add(sum, "baseValue");
                base.setAttribute("baseType", "float");
                base.setTextContent(share.toPlainString());
                var condition = add(processing, "responseCondition");
                var responseIf = add(condition, "responseIf");
                var match = add(responseIf, "match");
                add(match, "variable").setAttribute("identifier", gap.id());
                add(match, "correct").setAttribute("identifier", gap.id());
                responseIf.appendChild(set);
            }
        }
    }

    private void gap(Element paragraph, Gap gap, BigDecimal share) {
        switch (gap) {
            case Gap.Text g -> text(paragraph, g.id(), g.accepted(), share);
            case Gap.Numeric g -> numeric(paragraph, g.id(), g.answer());
            case Gap.InlineChoice g -> {
                declare(g.id(), "single", "identifier", List.of(g.correct()));
                var interaction = interaction(paragraph, "inlineChoiceInteraction", null);
                interaction.setAttribute("responseIdentifier", g.id());
                interaction.setAttribute("shuffle", "false");
                for (var option : g.options()) {
                    // An inlineChoice holds text only; its feedback travels in the extension.
                    var choice = add(interaction, "inlineChoice");
                    choice.setAttribute("identifier", option.id());
                    choice.setTextContent(text(option.text()));
                    if (option.feedback() != null) {
                        extension.feedback(g.id(), option.id(), option.feedback());
                    }
                }
            }
        }
    }

    /** A text entry scored by a mapping of the literal answers; every accepted answer, regexes too, in Sapere's. */
    private void text(Element parent, String response, List<TextAnswer> accepted, BigDecimal value) {
        var literals = accepted.stream()
                .filter(a -> a instanceof TextAnswer.Literal)
                .map(a -> (TextAnswer.Literal) a)
                .toList();
        var declaration = declare(
                response,
                "single",
                "string",
                literals.isEmpty() ? List.of() : List.of(literals.getFirst().text()));
        var mapping = mapping(declaration, value);
        var keys = new LinkedHashSet<String>();
        for (var literal : literals) {
            if (keys.add(literal.text())) {
                entry(mapping, literal.text(), value, literal.caseSensitive());
            }
        }
        interaction(parent, "textEntryInteraction", null).setAttribute("responseIdentifier", response);
        extension.textAnswers(response, accepted);
    }

    /** A text entry for a float; tolerances, significant figures and units only Sapere reads. */
    private void numeric(Element parent, String response, NumericAnswer answer) {
        declare(response, "single", "float", List.of(answer.value().toPlainString()));
        interaction(parent, "textEntryInteraction", null).setAttribute("responseIdentifier", response);
        extension.numericAnswer(response, answer);
    }

    private void choices(Element interaction, List<Option> options) {
        for (var option : options) {
            choice(interaction, "simpleChoice", option.id(), text(option.text()), option.feedback());
        }
    }

    private Element choice(Element parent, String name, String id, String text, @Nullable LocalizedText feedback) {
        var choice = add(parent, name);
        choice.setAttribute("identifier", id);
        choice.appendChild(doc.createTextNode(text));
        if (feedback != null) {
            var inline = add(choice, "feedbackInline");
            inline.setAttribute("outcomeIdentifier", "FEEDBACK");
            inline.setAttribute("identifier", id);
            inline.setAttribute("showHide", "show");
            inline.setTextContent(text(feedback));
        }
        return choice;
    }

    private Element interaction(Element parent, String name, @Nullable String maxChoices) {
        var interaction = add(parent, name);
        interaction.setAttribute("responseIdentifier", RESPONSE);
        if (maxChoices != null) {
            interaction.setAttribute("shuffle", "false");
            interaction.setAttribute("maxChoices", maxChoices);
        }
        return interaction;
    }

    private Element declare(String identifier, String cardinality, String baseType, List<String> correct) {
        var declaration = doc.createElementNS(QTI21, "responseDeclaration");
        declaration.setAttribute("identifier", identifier);
        declaration.setAttribute("cardinality", cardinality);
        declaration.setAttribute("baseType", baseType);
        if (!correct.isEmpty()) {
            var correctResponse = add(declaration, "correctResponse");
            correct.forEach(value -> add(correctResponse, "value").setTextContent(value));
        }
        declarations.add(declaration);
        return declaration;
    }

    private Element mapping(Element declaration, BigDecimal upperBound) {
        var mapping = add(declaration, "mapping");
        mapping.setAttribute("lowerBound", "0");
        mapping.setAttribute("upperBound", upperBound.toPlainString());
        mapping.setAttribute("defaultValue", "0");
        return mapping;
    }

    private void entry(Element mapping, String key, BigDecimal value, @Nullable Boolean caseSensitive) {
        var entry = add(mapping, "mapEntry");
        entry.setAttribute("mapKey", key);
        entry.setAttribute("mappedValue", value.toPlainString());
        if (caseSensitive != null) {
            entry.setAttribute("caseSensitive", caseSensitive.toString());
        }
    }

    private Element outcome(Element root, String identifier, String cardinality, String baseType) {
        var outcome = doc.createElementNS(QTI21, "outcomeDeclaration");
        outcome.setAttribute("identifier", identifier);
        outcome.setAttribute("cardinality", cardinality);
        outcome.setAttribute("baseType", baseType);
        root.appendChild(outcome);
        return outcome;
    }

    private void template(String uri) {
        processing = doc.createElementNS(QTI21, "responseProcessing");
        processing.setAttribute("template", uri);
    }

    /** Markdown as a div of paragraphs, split at blank lines, each paragraph's source kept exactly. */
    private void markdown(Element parent, LocalizedText markdown, String cssClass) {
        var div = add(parent, "div");
        div.setAttribute("class", cssClass);
        for (var paragraph : text(markdown).split("\n\n", -1)) {
            add(div, "p").setTextContent(paragraph);
        }
    }

    private Element add(Element parent, String name) {
        var child = doc.createElementNS(QTI21, name);
        parent.appendChild(child);
        return child;
    }

    private String text(LocalizedText text) {
        return text.variants().getOrDefault(language, text.original());
    }

    private static String title(String stem) {
        var line = stem.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }

    /** points / n at the scale of scores, as {@code Scoring} computes a share. */
    private static BigDecimal share(BigDecimal points, int n) {
        return points.divide(BigDecimal.valueOf(n), Score.SCALE, RoundingMode.HALF_UP);
    }
}
