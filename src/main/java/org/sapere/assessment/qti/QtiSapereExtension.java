package org.sapere.assessment.qti;

import static org.sapere.assessment.qti.QtiXml.localName;
import static org.sapere.assessment.qti.QtiXml.sapereChildren;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Difficulty;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.shared.LocalizedText;
import org.w3c.dom.Element;

/**
 * Reads the {@code sapere:item} element {@link QtiItemBuilder} writes: what QTI's standard parts cannot carry, so an
 * item Sapere exported comes back exactly.
 */
final class QtiSapereExtension {

    private final Element extension;
    private final String language;

    QtiSapereExtension(Element extension, String language) {
        this.extension = extension;
        this.language = language;
    }

    ItemInfo info(String stem) {
        var e = extension;
        var explanation = sapereChildren(e, "explanation").stream()
                .map(x -> text(x.getTextContent()))
                .findFirst()
                .orElse(null);
        var difficulty = e.getAttribute("difficulty");
        return new ItemInfo(
                UUID.fromString(e.getAttribute("id")),
                Integer.parseInt(e.getAttribute("version")),
                text(stem),
                explanation,
                texts(sapereChildren(e, "hint")).stream().map(this::text).toList(),
                QtiXml.number(e.getAttribute("points")),
                texts(sapereChildren(e, "tag")),
                texts(sapereChildren(e, "skill")),
                difficulty.isBlank() ? null : Difficulty.valueOf(difficulty),
                ScoringMode.valueOf(e.getAttribute("scoringMode")));
    }

    /** The accepted answers of a short text or text gap, literals and regular expressions, in the author's order. */
    List<TextAnswer> textAnswers(String response) {
        var answers = new ArrayList<TextAnswer>();
        for (var node = extension.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getAttribute("response").equals(response)) {
                var caseSensitive = Boolean.parseBoolean(e.getAttribute("caseSensitive"));
                switch (localName(e)) {
                    case "literal" ->
                        answers.add(new TextAnswer.Literal(
                                e.getTextContent(),
                                caseSensitive,
                                Boolean.parseBoolean(e.getAttribute("normaliseWhitespace"))));
                    case "regex" -> answers.add(new TextAnswer.Regex(e.getTextContent(), caseSensitive));
                    default -> {}
                }
            }
        }
        return answers;
    }

    /** The numeric answer of an item or gap, or null when the extension has none for it. */
    @Nullable
    NumericAnswer numericAnswer(String response) {
        for (var e : sapereChildren(extension, "numeric")) {
            if (e.getAttribute("response").equals(response)) {
                var units = texts(sapereChildren(e, "unit"));
                return new NumericAnswer(
                        QtiXml.number(e.getAttribute("value")),
                        decimal(e, "absoluteTolerance"),
                        decimal(e, "relativeTolerance"),
                        e.hasAttribute("significantFigures")
                                ? Integer.valueOf(e.getAttribute("significantFigures"))
                                : null,
                        units.isEmpty()
                                ? null
                                : new NumericAnswer.Unit(units, Boolean.parseBoolean(e.getAttribute("unitRequired"))));
            }
        }
        return null;
    }

    Rubric rubric() {
        var criteria = new ArrayList<Rubric.Criterion>();
        for (var rubric : sapereChildren(extension, "rubric")) {
            for (var criterion : sapereChildren(rubric, "criterion")) {
                var levels = sapereChildren(criterion, "level").stream()
                        .map(l -> new Rubric.Level(
                                l.getAttribute("id"),
                                text(l.getTextContent()),
                                QtiXml.number(l.getAttribute("points"))))
                        .toList();
                var description = texts(sapereChildren(criterion, "description")).stream()
                        .findFirst()
                        .orElse("");
                criteria.add(new Rubric.Criterion(criterion.getAttribute("id"), text(description), levels));
            }
        }
        return new Rubric(criteria);
    }

    /** The feedback on an inline choice's option, which QTI's inlineChoice cannot hold. */
    @Nullable
    LocalizedText feedback(String response, String choice) {
        return sapereChildren(extension, "feedback").stream()
                .filter(f -> f.getAttribute("response").equals(response)
                        && f.getAttribute("choice").equals(choice))
                .map(f -> text(f.getTextContent()))
                .findFirst()
                .orElse(null);
    }

    /** The item with every text in all the languages it was written in, when the export carried them. */
    Item withLanguages(Item item) {
        var languages = sapereChildren(extension, "languages");
        if (languages.isEmpty()) {
            return item;
        }
        var texts = new ArrayList<LocalizedText>();
        for (var text : sapereChildren(languages.getFirst(), "text")) {
            var variants = new LinkedHashMap<String, String>();
            sapereChildren(text, "variant").forEach(v -> variants.put(v.getAttribute("lang"), v.getTextContent()));
            texts.add(new LocalizedText(variants));
        }
        if (texts.size() != QtiTexts.collect(item).size()) {
            throw new IllegalArgumentException("languages for " + texts.size() + " texts");
        }
        var next = texts.iterator();
        return QtiTexts.replace(item, text -> next.next());
    }

    @Nullable
    Integer integer(String attribute) {
        return extension.hasAttribute(attribute) ? Integer.valueOf(extension.getAttribute(attribute)) : null;
    }

    private static List<String> texts(List<Element> elements) {
        return elements.stream().map(Element::getTextContent).toList();
    }

    private static @Nullable BigDecimal decimal(Element element, String attribute) {
        return element.hasAttribute(attribute) ? QtiXml.number(element.getAttribute(attribute)) : null;
    }

    private LocalizedText text(String text) {
        return LocalizedText.of(language, text);
    }
}
