package org.sapere.assessment.qti;

import static org.sapere.assessment.qti.QtiXml.SAPERE;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.shared.LocalizedText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes the {@code sapere:item} element that {@link QtiSapereExtension} reads back. */
final class QtiExtensionWriter {

    private final Document doc;
    private final Element extension;
    private final Function<LocalizedText, String> text;

    QtiExtensionWriter(Document doc, Function<LocalizedText, String> text) {
        this.doc = doc;
        this.text = text;
        extension = doc.createElementNS(SAPERE, "sapere:item");
    }

    Element element() {
        return extension;
    }

    void info(ItemInfo info) {
        extension.setAttribute("id", info.id().toString());
        extension.setAttribute("version", Integer.toString(info.version()));
        extension.setAttribute("points", info.points().toPlainString());
        extension.setAttribute("scoringMode", info.scoringMode().name());
        if (info.difficulty() != null) {
            extension.setAttribute("difficulty", info.difficulty().name());
        }
        info.tags().forEach(tag -> add(extension, "tag").setTextContent(tag));
        info.skills().forEach(skill -> add(extension, "skill").setTextContent(skill));
        info.hints().forEach(hint -> add(extension, "hint").setTextContent(text.apply(hint)));
        if (info.explanation() != null) {
            add(extension, "explanation").setTextContent(text.apply(info.explanation()));
        }
    }

    void essay(Rubric rubric, @Nullable Integer minWords, @Nullable Integer maxWords) {
        if (maxWords != null) {
            extension.setAttribute("maxWords", maxWords.toString());
        }
        if (minWords != null) {
            extension.setAttribute("minWords", minWords.toString());
        }
        var element = add(extension, "rubric");
        for (var criterion : rubric.criteria()) {
            var c = add(element, "criterion");
            c.setAttribute("id", criterion.id());
            add(c, "description").setTextContent(text.apply(criterion.description()));
            for (var level : criterion.levels()) {
                var l = add(c, "level");
                l.setAttribute("id", level.id());
                l.setAttribute("points", level.points().toPlainString());
                l.setTextContent(text.apply(level.description()));
            }
        }
    }

    /** Feedback on an inline choice's option: QTI's inlineChoice holds text only. */
    void feedback(String response, String choice, LocalizedText feedback) {
        var element = add(extension, "feedback");
        element.setAttribute("response", response);
        element.setAttribute("choice", choice);
        element.setTextContent(text.apply(feedback));
    }

    void textAnswers(String response, List<TextAnswer> accepted) {
        for (var answer : accepted) {
            switch (answer) {
                case TextAnswer.Literal l -> {
                    var e = add(extension, "literal");
                    e.setAttribute("response", response);
                    e.setAttribute("caseSensitive", Boolean.toString(l.caseSensitive()));
                    e.setAttribute("normaliseWhitespace", Boolean.toString(l.normaliseWhitespace()));
                    e.setTextContent(l.text());
                }
                case TextAnswer.Regex r -> {
                    var e = add(extension, "regex");
                    e.setAttribute("response", response);
                    e.setAttribute("caseSensitive", Boolean.toString(r.caseSensitive()));
                    e.setTextContent(r.pattern());
                }
            }
        }
    }

    void numericAnswer(String response, NumericAnswer answer) {
        var e = add(extension, "numeric");
        e.setAttribute("response", response);
        e.setAttribute("value", answer.value().toPlainString());
        if (answer.absoluteTolerance() != null) {
            e.setAttribute("absoluteTolerance", answer.absoluteTolerance().toPlainString());
        }
        if (answer.relativeTolerance() != null) {
            e.setAttribute("relativeTolerance", answer.relativeTolerance().toPlainString());
        }
        if (answer.significantFigures() != null) {
            e.setAttribute("significantFigures", answer.significantFigures().toString());
        }
        if (answer.unit() != null) {
            e.setAttribute("unitRequired", Boolean.toString(answer.unit().required()));
            answer.unit().spellings().forEach(s -> add(e, "unit").setTextContent(s));
        }
    }

    /**
     * Every variant of every text, in {@link QtiTexts} order, when the item is written in more than one language:
     * the body holds one language only.
     */
    void languages(List<LocalizedText> texts) {
        if (texts.stream().allMatch(t -> t.variants().size() == 1)) {
            return;
        }
        var languages = add(extension, "languages");
        for (var text : texts) {
            var element = add(languages, "text");
            text.variants().forEach((language, variant) -> {
                var v = add(element, "variant");
                v.setAttribute("lang", language);
                v.setTextContent(variant);
            });
        }
    }

    private Element add(Element parent, String name) {
        var child = doc.createElementNS(SAPERE, "sapere:" + name);
        parent.appendChild(child);
        return child;
    }
}
