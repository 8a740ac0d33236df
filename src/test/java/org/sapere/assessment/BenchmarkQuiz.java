package org.sapere.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.assessment.web.ItemForm;

/**
 * The benchmark's 20-item quiz, written as an author fills in the item form (every type but the essay, so an attempt
 * is graded as soon as it is submitted), and the answer form's fields a learner sends for an item: all right, or all
 * wrong in a way that scores exactly 0 (a wrong option only, every thing to order one place off, every left paired
 * with a wrong right), so the score each attempt should get is known.
 */
final class BenchmarkQuiz {

    private BenchmarkQuiz() {}

    /** The 20 items' form fields, in the quiz's order: 3 single choice, 3 multiple response, 3 true/false, ... */
    static List<Map<String, String>> forms() {
        var forms = new ArrayList<Map<String, String>>();
        forms.add(form(
                "single-choice",
                "stem",
                "Which of these is a **project** rather than operations?",
                "options",
                "* Moving the library to a new building\nProcessing the monthly payroll\nAnswering the daily tickets"));
        forms.add(form(
                "single-choice",
                "stem",
                "Who signs the project charter?",
                "options",
                "The team\n* The sponsor\nThe auditor\nThe supplier"));
        forms.add(form(
                "single-choice",
                "stem",
                "Which chart shows tasks against time?",
                "options",
                "Pie chart\nHistogram\n* Gantt chart"));
        forms.add(form(
                "multiple-response",
                "stem",
                "Which belong in a scope statement?",
                "options",
                "* Deliverables\n* What is out of scope\n* Acceptance criteria\nThe team's salaries"));
        forms.add(form(
                "multiple-response",
                "stem",
                "Which are constraints of a project?",
                "options",
                "* Time\n* Cost\nThe weather in Milan\n* Scope"));
        forms.add(form(
                "multiple-response",
                "stem",
                "Which are responses to a threat?",
                "options",
                "* Avoid\n* Transfer\n* Mitigate\n* Accept\nForget"));
        forms.add(form("true-false", "stem", "A project is temporary.", "answer", "true"));
        forms.add(form(
                "true-false",
                "stem",
                "The critical path is the shortest path through the network.",
                "answer",
                "false"));
        forms.add(form("true-false", "stem", "A milestone has no duration.", "answer", "true"));
        forms.add(form(
                "numeric",
                "stem",
                "Optimistic 4, most likely 6, pessimistic 14 days: what is the PERT estimate?",
                "value",
                "7",
                "units",
                "days, day, d"));
        forms.add(form(
                "numeric",
                "stem",
                "Planned value 200, earned value 150: what is the schedule performance index?",
                "value",
                "0.75",
                "toleranceAbsolute",
                "0.01"));
        forms.add(form(
                "numeric",
                "stem",
                "A budget of 120000 is spent evenly over 12 months. How much a month?",
                "value",
                "10000",
                "tolerancePercent",
                "1"));
        forms.add(form(
                "short-text",
                "stem",
                "What is the document that authorises a project called?",
                "answers",
                "charter\nproject charter"));
        forms.add(form(
                "short-text",
                "stem",
                "The abbreviation of the work breakdown structure?",
                "answers",
                "WBS\n/w\\.?b\\.?s\\.?/"));
        forms.add(form(
                "fill-in-the-blanks",
                "stem",
                "Complete the sentence.",
                "text",
                "The {{first}} phase comes before the {{second}} phase.",
                "gaps",
                "first: [*initiating | closing | executing]\nsecond: planning",
                "points",
                "2"));
        forms.add(form(
                "fill-in-the-blanks",
                "stem",
                "Complete the sentence.",
                "text",
                "Tasks with {{float}} days of float form the {{term}}.",
                "gaps",
                "float: = 0\nterm: critical path",
                "points",
                "2"));
        forms.add(form(
                "ordering",
                "stem",
                "Put the phases of a project in order.",
                "items",
                "Initiating\nPlanning\nExecuting\nClosing"));
        forms.add(form(
                "ordering",
                "stem",
                "Put the steps of risk management in order.",
                "items",
                "Identify\nAnalyse\nPlan responses\nMonitor"));
        forms.add(form(
                "matching",
                "stem",
                "Match each document with what it records.",
                "pairs",
                "Charter = Why the project exists\nScope statement = What it delivers\nRisk register = What may go"
                        + " wrong\n= The hours worked last week"));
        forms.add(form(
                "matching",
                "stem",
                "Match each role with its duty.",
                "pairs",
                "Sponsor = Funds the project\nProject manager = Leads the team\nStakeholder = Is affected by it"));
        return forms;
    }

    /** The item a form makes, as a new item written in English. */
    static Item item(Map<String, String> form) {
        var fields = new LinkedHashMap<>(form);
        var type = Objects.requireNonNull(fields.remove("type"));
        return switch (ItemForm.parse(type, fields, ItemForm.ItemInfoBase.newItem("en"))) {
            case ItemForm.Valid valid -> valid.item();
            case ItemForm.Invalid invalid -> throw new IllegalStateException("benchmark item refused: " + invalid);
        };
    }

    /** The answer form's fields for an item, relative to its position ({@code ""}, a gap id, {@code rank.X}, ...). */
    static Map<String, List<String>> answer(Item item, boolean right) {
        var fields = new LinkedHashMap<String, List<String>>();
        switch (item) {
            case SingleChoice i -> fields.put("", List.of(right ? i.correct() : other(i.options(), i.correct())));
            case MultipleResponse i ->
                fields.put(
                        "",
                        right
                                ? List.copyOf(i.correct())
                                : List.of(i.options().stream()
                                        .map(Option::id)
                                        .filter(id -> !i.correct().contains(id))
                                        .findFirst()
                                        .orElseThrow()));
            case TrueFalse i -> fields.put("", List.of(String.valueOf(right == i.correct())));
            case Numeric i -> fields.put("", List.of(number(i.answer(), right)));
            case ShortText i -> fields.put("", List.of(right ? literal(i.accepted()) : "no idea"));
            case FillInTheBlanks i -> {
                for (var gap : i.gaps()) {
                    var value = switch (gap) {
                        case Gap.Text g -> right ? literal(g.accepted()) : "no idea";
                        case Gap.Numeric g -> number(g.answer(), right);
                        case Gap.InlineChoice g -> right ? g.correct() : other(g.options(), g.correct());
                    };
                    fields.put(gap.id(), List.of(value));
                }
            }
            case Ordering i -> {
                var count = i.items().size();
                for (var k = 0; k < count; k++) {
                    // Right: each thing at its place; wrong: each one place further down (the last on top).
                    var rank = right ? k + 1 : (k + 1) % count + 1;
                    fields.put("rank." + i.items().get(k).id(), List.of(String.valueOf(rank)));
                }
            }
            case Matching i -> {
                for (var left : i.lefts()) {
                    var correct = i.pairs().get(left.id());
                    fields.put("pair." + left.id(), List.of(right ? correct : other(i.rights(), correct)));
                }
            }
            default -> throw new IllegalArgumentException("no essays in the benchmark: " + item);
        }
        return fields;
    }

    private static String other(List<Option> options, String not) {
        return options.stream()
                .map(Option::id)
                .filter(id -> !id.equals(not))
                .findFirst()
                .orElseThrow();
    }

    private static String number(NumericAnswer answer, boolean right) {
        var value = right ? answer.value() : answer.value().add(BigDecimal.valueOf(1000));
        var unit = answer.unit();
        return value.toPlainString()
                + (unit != null && unit.required() ? " " + unit.spellings().getFirst() : "");
    }

    private static String literal(List<TextAnswer> accepted) {
        return accepted.stream()
                .filter(TextAnswer.Literal.class::isInstance)
                .map(a -> ((TextAnswer.Literal) a).text())
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> form(String type, String... fields) {
        var form = new LinkedHashMap<String, String>();
        form.put("type", type);
        for (var k = 0; k < fields.length; k += 2) {
            form.put(fields[k], fields[k + 1]);
        }
        return form;
    }
}
