package org.sapere.assessment.qti;

import static org.sapere.assessment.qti.QtiXml.child;
import static org.sapere.assessment.qti.QtiXml.children;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sapere.assessment.domain.TextAnswer;
import org.w3c.dom.Element;

/** An item's response and outcome declarations: correct responses, mappings and the points they imply. */
final class QtiResponses {

    private final Element root;
    private final Map<String, Element> declarations = new HashMap<>();

    QtiResponses(Element root) {
        this.root = root;
        for (var declaration : children(root, "responseDeclaration")) {
            declarations.put(declaration.getAttribute("identifier"), declaration);
        }
    }

    /** Points of another tool's item: the SCORE outcome's normalMaximum, what the mappings can give, or 1. */
    BigDecimal points() {
        for (var outcome : children(root, "outcomeDeclaration")) {
            if (outcome.getAttribute("identifier").equals("SCORE") && outcome.hasAttribute("normalMaximum")) {
                return positive(QtiXml.number(outcome.getAttribute("normalMaximum")));
            }
        }
        var total = BigDecimal.ZERO;
        for (var declaration : declarations.values()) {
            var mapping = child(declaration, "mapping").orElse(null);
            if (mapping == null) {
                continue;
            }
            if (mapping.hasAttribute("upperBound")) {
                total = total.add(QtiXml.number(mapping.getAttribute("upperBound")));
                continue;
            }
            var values = children(mapping, "mapEntry").stream()
                    .map(m -> QtiXml.number(m.getAttribute("mappedValue")))
                    .filter(v -> v.signum() > 0)
                    .toList();
            total = total.add(
                    "single".equals(declaration.getAttribute("cardinality"))
                            ? values.stream().reduce(BigDecimal.ZERO, BigDecimal::max)
                            : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return positive(total);
    }

    private static BigDecimal positive(BigDecimal points) {
        return points.signum() > 0 ? points.setScale(4, RoundingMode.HALF_UP) : BigDecimal.ONE;
    }

    /** Other tools' accepted texts: the mapping's keys with a positive value, and the correct response. */
    List<TextAnswer> literals(String response) {
        var answers = new ArrayList<TextAnswer>();
        // QTI compares strings exactly, so the literals keep their spaces; case as each entry says.
        var mapping = child(declaration(response), "mapping").orElse(null);
        var keys = new ArrayList<String>();
        if (mapping != null) {
            for (var entry : children(mapping, "mapEntry")) {
                if (QtiXml.number(entry.getAttribute("mappedValue")).signum() > 0) {
                    keys.add(entry.getAttribute("mapKey"));
                    answers.add(new TextAnswer.Literal(
                            entry.getAttribute("mapKey"), !"false".equals(entry.getAttribute("caseSensitive")), false));
                }
            }
        }
        for (var value : correct(response)) {
            if (!keys.contains(value)) {
                answers.add(new TextAnswer.Literal(value, true, false));
            }
        }
        if (answers.isEmpty()) {
            throw new QtiItemParser.UnsupportedException("assessment.qti.noCorrectResponse", response);
        }
        return answers;
    }

    boolean isNumber(String response) {
        var baseType = declaration(response).getAttribute("baseType");
        return baseType.equals("float") || baseType.equals("integer");
    }

    Element declaration(String response) {
        var declaration = declarations.get(response);
        if (declaration == null) {
            throw new QtiItemParser.UnsupportedException("assessment.qti.noCorrectResponse", response);
        }
        return declaration;
    }

    List<String> correct(String response) {
        return child(declaration(response), "correctResponse").stream()
                .flatMap(c -> children(c, "value").stream())
                .map(v -> v.getTextContent().strip())
                .toList();
    }

    /** The keys a mapping gives points for: the correct options of a multiple response without a correctResponse. */
    List<String> positiveKeys(String response) {
        return child(declaration(response), "mapping").stream()
                .flatMap(m -> children(m, "mapEntry").stream())
                .filter(e -> QtiXml.number(e.getAttribute("mappedValue")).signum() > 0)
                .map(e -> e.getAttribute("mapKey"))
                .toList();
    }

    /** The first value of the correct response; refused when there is none. */
    String required(String response) {
        var correct = correct(response);
        if (correct.isEmpty()) {
            throw new QtiItemParser.UnsupportedException("assessment.qti.noCorrectResponse", response);
        }
        return correct.getFirst();
    }
}
