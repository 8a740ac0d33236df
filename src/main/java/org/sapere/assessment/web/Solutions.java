package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.assessment.web.ReviewedItem.Solution;

/** The correct answer of an item, as a review shows it. */
final class Solutions {

    private Solutions() {}

    /** The item's correct answer; null for an essay, which has none. */
    static @Nullable Solution of(Item item, AskedItem asked, Locale locale) {
        return switch (item) {
            case SingleChoice i -> new Solution.Options(Set.of(i.correct()));
            case MultipleResponse i -> new Solution.Options(i.correct());
            case TrueFalse i -> new Solution.Statement(i.correct());
            case Numeric i -> value(i.answer(), locale);
            case ShortText i -> texts(i.accepted());
            case FillInTheBlanks i -> gaps(i, asked, locale);
            case Ordering i -> new Solution.Sequence(AskedItem.choices(i.items(), locale));
            case Matching i -> pairs(i, locale);
            case Essay i -> null;
        };
    }

    private static Solution.Value value(NumericAnswer answer, Locale locale) {
        var unit = answer.unit();
        return new Solution.Value(
                number(answer.reference(), locale),
                answer.absoluteTolerance() == null ? null : number(answer.absoluteTolerance(), locale),
                answer.relativeTolerance() == null ? null : number(answer.relativeTolerance(), locale),
                answer.significantFigures(),
                unit == null ? List.of() : unit.spellings(),
                unit != null && unit.required());
    }

    private static Solution.Texts texts(List<TextAnswer> accepted) {
        var literals = new ArrayList<String>();
        var patterns = new ArrayList<String>();
        for (var answer : accepted) {
            switch (answer) {
                case TextAnswer.Literal literal -> literals.add(literal.text());
                case TextAnswer.Regex regex -> patterns.add(regex.pattern());
            }
        }
        return new Solution.Texts(literals, patterns);
    }

    private static Solution.Gaps gaps(FillInTheBlanks item, AskedItem asked, Locale locale) {
        var answers = new ArrayList<Solution.GapAnswer>();
        var segments = ((AskedItem.Blanks) asked.body()).segments();
        for (var segment : segments) {
            if (!(segment instanceof AskedItem.Gap shown)) {
                continue;
            }
            var gap = item.gaps().stream()
                    .filter(g -> g.id().equals(shown.id()))
                    .findFirst()
                    .orElseThrow();
            Solution answer = switch (gap) {
                case Gap.Text text -> texts(text.accepted());
                case Gap.Numeric numeric -> value(numeric.answer(), locale);
                case Gap.InlineChoice choice ->
                    new Solution.Pick(AskedItem.Choice.of(
                            choice.options().stream()
                                    .filter(o -> o.id().equals(choice.correct()))
                                    .findFirst()
                                    .orElseThrow(),
                            locale));
            };
            answers.add(new Solution.GapAnswer(gap.id(), shown.number(), answer));
        }
        return new Solution.Gaps(answers);
    }

    private static Solution.Pairs pairs(Matching item, Locale locale) {
        var pairs = new ArrayList<Solution.Pair>();
        for (var left : item.lefts()) {
            var rightId = item.pairs().get(left.id());
            var right = item.rights().stream()
                    .filter(r -> r.id().equals(rightId))
                    .findFirst()
                    .orElseThrow();
            pairs.add(new Solution.Pair(AskedItem.Choice.of(left, locale), AskedItem.Choice.of(right, locale)));
        }
        return new Solution.Pairs(pairs);
    }

    /**
     * A number as the learner's language writes decimals, without thousands separators (answers may not use them),
     * and never in scientific notation.
     */
    static String number(BigDecimal number, Locale locale) {
        var plain = number.stripTrailingZeros().toPlainString();
        var separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return separator == '.' ? plain : plain.replace('.', separator);
    }
}
