package org.sapere.assessment.qti;

import static org.sapere.assessment.qti.QtiXml.child;
import static org.sapere.assessment.qti.QtiXml.children;
import static org.sapere.assessment.qti.QtiXml.descendants;
import static org.sapere.assessment.qti.QtiXml.localName;
import static org.sapere.assessment.qti.QtiXml.sapereChildren;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.shared.LocalizedText;
import org.w3c.dom.Element;

/** Reads one assessmentItem element; a new parser per item, as it keeps what it found along the way. */
final class QtiItemParser {

    /** Why an item cannot be imported, as a message key and a detail; caught by {@link QtiItemReader}. */
    static final class UnsupportedException extends RuntimeException {

        private final String reason;
        private final String detail;

        UnsupportedException(String reason, String detail) {
            super(reason + ": " + detail, null, false, false);
            this.reason = reason;
            this.detail = detail;
        }

        String reason() {
            return reason;
        }

        String detail() {
            return detail;
        }
    }

    private static final Set<String> SUPPORTED = Set.of(
            "choiceInteraction",
            "textEntryInteraction",
            "extendedTextInteraction",
            "orderInteraction",
            "matchInteraction",
            "gapMatchInteraction",
            "inlineChoiceInteraction");
    private static final Set<String> INLINE = Set.of("textEntryInteraction", "inlineChoiceInteraction");
    private static final Set<String> LEFT_OUT = Set.of("feedbackInline", "feedbackBlock", "rubricBlock", "prompt");

    private final Element root;
    private final String identifier;
    private final String language;
    /** Sapere's extension: present on items Sapere exported, which then read back exactly. */
    private final @Nullable QtiSapereExtension extension;

    private final QtiResponses responses;
    private final List<QtiItemReader.Warning> warnings = new ArrayList<>();
    private @Nullable String template;

    QtiItemParser(Element root, String defaultLanguage) {
        this.root = root;
        identifier = root.getAttribute("identifier");
        var lang = QtiXml.xmlLang(root);
        language = lang.isBlank() ? defaultLanguage : lang;
        extension = sapereChildren(root, "item").stream()
                .findFirst()
                .map(e -> new QtiSapereExtension(e, language))
                .orElse(null);
        responses = new QtiResponses(root);
    }

    QtiItemReader.Imported parse() {
        if (!children(root, "templateDeclaration").isEmpty()) {
            throw new UnsupportedException("assessment.qti.unsupportedFeature", "templateDeclaration");
        }
        if ("true".equals(root.getAttribute("adaptive"))) {
            throw new UnsupportedException("assessment.qti.unsupportedFeature", "adaptive");
        }
        var body = child(root, "itemBody")
                .orElseThrow(() -> new UnsupportedException("assessment.qti.noInteraction", "itemBody"));
        var interactions = descendants(body, "*").stream()
                .filter(e -> localName(e).endsWith("Interaction"))
                .toList();
        for (var interaction : interactions) {
            if (!SUPPORTED.contains(localName(interaction))) {
                throw new UnsupportedException("assessment.qti.unsupportedInteraction", localName(interaction));
            }
        }
        if (interactions.isEmpty()) {
            throw new UnsupportedException("assessment.qti.noInteraction", identifier);
        }
        processing();
        if (extension == null && !children(root, "modalFeedback").isEmpty()) {
            warnings.add(new QtiItemReader.Warning(identifier, "assessment.qti.feedbackIgnored", "modalFeedback"));
        }
        if (!descendants(body, "img").isEmpty() || !descendants(body, "object").isEmpty()) {
            warnings.add(new QtiItemReader.Warning(identifier, "assessment.qti.mediaIgnored", "img"));
        }
        var names = interactions.stream().map(QtiXml::localName).toList();
        Item item;
        if (INLINE.containsAll(names)
                && (names.size() > 1 || names.contains("inlineChoiceInteraction") || gapsDiv(body) != null)) {
            item = fillInTheBlanks(body, interactions);
        } else if (interactions.size() > 1) {
            throw new UnsupportedException("assessment.qti.severalInteractions", String.join(", ", names));
        } else {
            var interaction = interactions.getFirst();
            item = switch (localName(interaction)) {
                case "choiceInteraction" -> choice(body, interaction);
                case "textEntryInteraction" -> textEntry(body, interaction);
                case "extendedTextInteraction" -> essay(body, interaction);
                case "orderInteraction" -> ordering(body, interaction);
                case "matchInteraction" -> matching(body, interaction);
                default -> gapMatch(body, interaction);
            };
        }
        if (extension != null) {
            item = extension.withLanguages(item);
        }
        return new QtiItemReader.Imported(item, warnings);
    }

    /** Sapere's own items carry their rules in the extension; other items must use a standard template. */
    private void processing() {
        var processing = child(root, "responseProcessing").orElse(null);
        if (processing == null) {
            return;
        }
        var uri = processing.getAttribute("template");
        if (!uri.isBlank()) {
            var name = uri.replaceFirst("\\.xml$", "");
            if (name.endsWith("/match_correct") || name.endsWith("/map_response")) {
                template = name.substring(name.lastIndexOf('/') + 1);
                return;
            }
            if (extension == null) {
                throw new UnsupportedException("assessment.qti.customProcessing", uri);
            }
        } else if (extension == null && !descendants(processing, "*").isEmpty()) {
            throw new UnsupportedException("assessment.qti.customProcessing", "responseProcessing");
        }
    }

    private Item choice(Element body, Element interaction) {
        var options = options(interaction, "simpleChoice");
        var response = interaction.getAttribute("responseIdentifier");
        var correct = responses.correct(response);
        if (interaction.getAttribute("class").contains(QtiXml.TRUE_FALSE_CLASS) && options.size() == 2) {
            var feedback = new HashMap<String, @Nullable LocalizedText>();
            options.forEach(o -> feedback.put(o.id(), o.feedback()));
            return new TrueFalse(
                    info(body, interaction, false),
                    responses.required(response).equals("true"),
                    feedback.get("true"),
                    feedback.get("false"));
        }
        var maxChoices = interaction.getAttribute("maxChoices");
        if (maxChoices.isBlank() || maxChoices.equals("1")) {
            return new SingleChoice(info(body, interaction, false), options, responses.required(response));
        }
        if (correct.isEmpty()) {
            correct = responses.positiveKeys(response);
        }
        return new MultipleResponse(info(body, interaction, true), options, Set.copyOf(correct));
    }

    private Item textEntry(Element body, Element interaction) {
        var response = interaction.getAttribute("responseIdentifier");
        var info = info(body, interaction, false);
        return responses.isNumber(response)
                ? new Numeric(info, numericAnswer(response))
                : new ShortText(info, textAnswers(response));
    }

    private Item essay(Element body, Element interaction) {
        var info = info(body, interaction, false);
        if (extension == null) {
            // One criterion worth the item's points: staff grade the whole answer.
            var full = new Rubric.Level("full", text("Meets the expectations"), info.points());
            var none = new Rubric.Level("none", text("Does not meet them"), BigDecimal.ZERO);
            var overall = new Rubric.Criterion("overall", text("Overall"), List.of(full, none));
            return new Essay(info, new Rubric(List.of(overall)), null, null);
        }
        return new Essay(info, extension.rubric(), extension.integer("minWords"), extension.integer("maxWords"));
    }

    private Item ordering(Element body, Element interaction) {
        var response = interaction.getAttribute("responseIdentifier");
        var byId = new LinkedHashMap<String, Option>();
        options(interaction, "simpleChoice").forEach(o -> byId.put(o.id(), o));
        var order = responses.correct(response);
        if (order.size() != byId.size() || !byId.keySet().containsAll(order)) {
            throw new UnsupportedException("assessment.qti.noCorrectResponse", response);
        }
        return new Ordering(
                info(body, interaction, true), order.stream().map(byId::get).toList());
    }

    private Item matching(Element body, Element interaction) {
        var response = interaction.getAttribute("responseIdentifier");
        var sets = children(interaction, "simpleMatchSet");
        if (sets.size() != 2) {
            throw new UnsupportedException("assessment.qti.unsupportedFeature", "simpleMatchSet × " + sets.size());
        }
        if (!"directedPair".equals(responses.declaration(response).getAttribute("baseType"))) {
            throw new UnsupportedException(
                    "assessment.qti.unsupportedFeature",
                    responses.declaration(response).getAttribute("baseType"));
        }
        var lefts = options(sets.get(0), "simpleAssociableChoice");
        var rights = options(sets.get(1), "simpleAssociableChoice");
        var pairs = new LinkedHashMap<String, String>();
        for (var pair : responses.correct(response)) {
            var ends = pair.strip().split("\\s+");
            if (ends.length == 2) {
                pairs.put(ends[0], ends[1]);
            }
        }
        var reusable = children(sets.get(1), "simpleAssociableChoice").stream()
                        .anyMatch(c -> !"1".equals(c.getAttribute("matchMax")))
                || Set.copyOf(pairs.values()).size() < pairs.size();
        return new Matching(info(body, interaction, true), lefts, rights, pairs, reusable);
    }

    /** Words dragged into gaps: a fill-in-the-blanks item whose gaps are inline choices of all the words. */
    private Item gapMatch(Element body, Element interaction) {
        var response = interaction.getAttribute("responseIdentifier");
        if (!descendants(interaction, "gapImg").isEmpty()) {
            throw new UnsupportedException("assessment.qti.unsupportedFeature", "gapImg");
        }
        var words = options(interaction, "gapText");
        var wordFor = new HashMap<String, String>();
        for (var pair : responses.correct(response)) {
            var ends = pair.strip().split("\\s+");
            if (ends.length == 2) {
                wordFor.put(ends[1], ends[0]);
            }
        }
        var gaps = new ArrayList<Gap>();
        for (var gap : descendants(interaction, "gap")) {
            var id = gap.getAttribute("identifier");
            var word = wordFor.get(id);
            if (word == null) {
                throw new UnsupportedException("assessment.qti.noCorrectResponse", id);
            }
            gaps.add(new Gap.InlineChoice(id, words, word));
        }
        var text = QtiText.plain(interaction, e -> switch (localName(e)) {
            case "gap" -> "{{" + e.getAttribute("identifier") + "}}";
            case "gapText", "prompt" -> "";
            default -> null;
        });
        var info = info(body, interaction, true);
        return new FillInTheBlanks(info, text(text), gaps);
    }

    private Item fillInTheBlanks(Element body, List<Element> interactions) {
        var gaps = new ArrayList<Gap>();
        for (var interaction : interactions) {
            var id = interaction.getAttribute("responseIdentifier");
            if (localName(interaction).equals("inlineChoiceInteraction")) {
                gaps.add(new Gap.InlineChoice(id, options(interaction, "inlineChoice"), responses.required(id)));
            } else if (responses.isNumber(id)) {
                gaps.add(new Gap.Numeric(id, numericAnswer(id)));
            } else {
                gaps.add(new Gap.Text(id, textAnswers(id)));
            }
        }
        var marker = (java.util.function.Function<Element, @Nullable String>)
                e -> INLINE.contains(localName(e)) ? "{{" + e.getAttribute("responseIdentifier") + "}}" : null;
        var div = gapsDiv(body);
        String text;
        if (div != null) {
            text = QtiText.markdown(div, marker);
        } else {
            text = QtiText.plain(body, e -> LEFT_OUT.contains(localName(e)) ? "" : marker.apply(e));
        }
        var stem = stemOf(body, null);
        return new FillInTheBlanks(info(stem, true), text(text), gaps);
    }

    private ItemInfo info(Element body, Element interaction, boolean severalParts) {
        return info(stemOf(body, interaction), severalParts);
    }

    private ItemInfo info(String stem, boolean severalParts) {
        if (extension == null) {
            var mode =
                    severalParts && "match_correct".equals(template) ? ScoringMode.ALL_OR_NOTHING : ScoringMode.PARTIAL;
            var id = UUID.nameUUIDFromBytes(("qti:" + identifier).getBytes(StandardCharsets.UTF_8));
            return new ItemInfo(
                    id, 1, text(stem), null, List.of(), responses.points(), List.of(), List.of(), null, mode);
        }
        return extension.info(stem);
    }

    /**
     * The stem: Sapere's Markdown div, exactly; otherwise the body's text around the interaction and its prompt,
     * or failing both the item's title.
     */
    private String stemOf(Element body, @Nullable Element interaction) {
        for (var div : children(body, "div")) {
            if (div.getAttribute("class").equals(QtiXml.MARKDOWN_CLASS)) {
                return QtiText.markdown(div, e -> null);
            }
        }
        var around = QtiText.plain(
                body,
                e -> localName(e).endsWith("Interaction")
                                || LEFT_OUT.contains(localName(e))
                                || localName(e).equals("gap")
                        ? ""
                        : null);
        var prompt = interaction == null
                ? ""
                : child(interaction, "prompt")
                        .map(p -> QtiText.plain(p, e -> null))
                        .orElse("");
        if (interaction == null || localName(interaction).equals("gapMatchInteraction")) {
            // The body's text is the gap text; the prompt, if any, asks the question.
            around = "";
        }
        var stem = String.join(
                "\n\n",
                List.of(around, prompt).stream().filter(s -> !s.isBlank()).toList());
        return stem.isBlank() ? root.getAttribute("title") : stem;
    }

    private List<Option> options(Element parent, String name) {
        var options = new ArrayList<Option>();
        for (var choice : descendants(parent, name)) {
            var id = choice.getAttribute("identifier");
            var own = extension != null
                    ? QtiText.own(choice)
                    : QtiText.plain(choice, e -> LEFT_OUT.contains(localName(e)) ? "" : null);
            var feedback = child(choice, "feedbackInline")
                    .map(f -> text(extension != null ? f.getTextContent() : QtiText.plain(f, e -> null)))
                    .orElse(null);
            if (extension != null && name.equals("inlineChoice")) {
                var response = ((Element) parent).getAttribute("responseIdentifier");
                feedback = extension.feedback(response, id);
            }
            options.add(new Option(id, text(own), feedback));
        }
        return options;
    }

    private List<TextAnswer> textAnswers(String response) {
        if (extension != null) {
            return extension.textAnswers(response);
        }
        return responses.literals(response);
    }

    private NumericAnswer numericAnswer(String response) {
        var fromExtension = extension == null ? null : extension.numericAnswer(response);
        if (fromExtension != null) {
            return fromExtension;
        }
        return NumericAnswer.exactly(QtiXml.number(responses.required(response)));
    }

    private static @Nullable Element gapsDiv(Element body) {
        return children(body, "div").stream()
                .filter(d -> d.getAttribute("class").equals(QtiXml.GAPS_CLASS))
                .findFirst()
                .orElse(null);
    }

    private LocalizedText text(String text) {
        return LocalizedText.of(language, text);
    }
}
