package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The accepted answer of a numeric item or gap. Without tolerances only the exact value is right; with an absolute
 * tolerance, or a relative one in percent of the value, anything within either is right (boundaries included). When
 * {@code significantFigures} is set, the answer must be written with exactly that many, and is compared with the
 * value rounded to them (9.80665 to 3 figures expects 9.81). A {@code unit}, when set, lists the spellings accepted
 * after the number; there are no conversions, so 981 cm is not 9.81 m.
 */
public record NumericAnswer(
        BigDecimal value,
        @Nullable BigDecimal absoluteTolerance,
        @Nullable BigDecimal relativeTolerance,
        @Nullable Integer significantFigures,
        @Nullable Unit unit) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_SCALE = 1000;

    /**
     * The unit written after the number, in any of its {@code spellings} ("m", "metre", "meters"): compared exactly,
     * case included (m and M are different units), after collapsing spaces. When not {@code required}, an answer may
     * leave it out, but a unit that is written must be one of these.
     */
    public record Unit(List<String> spellings, boolean required) {

        public Unit {
            var kept = new LinkedHashSet<String>();
            for (var spelling : spellings) {
                if (spelling.isBlank()) {
                    throw new InvalidItemException("assessment.item.noUnitSpelling", spellings.size());
                }
                var first = spelling.strip().charAt(0);
                if (Character.isDigit(first) || first == '.' || first == ',') {
                    // It would be read as part of the number, so no answer could ever carry it.
                    throw new InvalidItemException("assessment.item.invalidUnitSpelling", spelling);
                }
                kept.add(TypedNumber.collapse(spelling));
            }
            if (kept.isEmpty()) {
                throw new InvalidItemException("assessment.item.noUnitSpelling", 0);
            }
            spellings = List.copyOf(kept);
        }
    }

    public NumericAnswer {
        inRange(value);
        tolerance(absoluteTolerance);
        tolerance(relativeTolerance);
        if (significantFigures != null && (significantFigures < 1 || significantFigures > 30)) {
            throw new InvalidItemException("assessment.item.significantFiguresOutOfRange", significantFigures);
        }
    }

    public static NumericAnswer exactly(BigDecimal value) {
        return new NumericAnswer(value, null, null, null, null);
    }

    public NumericAnswer withAbsoluteTolerance(BigDecimal tolerance) {
        return new NumericAnswer(value, tolerance, relativeTolerance, significantFigures, unit);
    }

    /** Tolerance in percent of the value. */
    public NumericAnswer withRelativeTolerance(BigDecimal percent) {
        return new NumericAnswer(value, absoluteTolerance, percent, significantFigures, unit);
    }

    public NumericAnswer withSignificantFigures(int figures) {
        return new NumericAnswer(value, absoluteTolerance, relativeTolerance, figures, unit);
    }

    public NumericAnswer withUnit(Unit newUnit) {
        return new NumericAnswer(value, absoluteTolerance, relativeTolerance, significantFigures, newUnit);
    }

    /** What answers are compared with: the value, rounded half up to the required significant figures if any. */
    public BigDecimal reference() {
        return significantFigures == null
                ? value
                : value.round(new MathContext(significantFigures, RoundingMode.HALF_UP));
    }

    /**
     * Judges a typed answer. The reason given for a wrong one is the first of: not a number, a unit missing, wrong or
     * unexpected, the value (no reason: we do not hint at the answer), the number of significant figures.
     */
    Verdict judge(String typed) {
        var number = TypedNumber.parse(typed);
        if (number == null) {
            return Verdict.wrong("assessment.feedback.notANumber");
        }
        var unitProblem = unitProblem(number.unit());
        if (unitProblem != null) {
            return Verdict.wrong(unitProblem);
        }
        if (!withinTolerance(number.value())) {
            return Verdict.WRONG;
        }
        if (significantFigures != null
                && (significantFigures < number.fewestFigures() || significantFigures > number.mostFigures())) {
            return Verdict.wrong("assessment.feedback.significantFigures");
        }
        return Verdict.RIGHT;
    }

    private @Nullable String unitProblem(String typedUnit) {
        if (unit == null) {
            return typedUnit.isEmpty() ? null : "assessment.feedback.unitUnexpected";
        }
        if (typedUnit.isEmpty()) {
            return unit.required() ? "assessment.feedback.unitMissing" : null;
        }
        return unit.spellings().contains(TypedNumber.collapse(typedUnit)) ? null : "assessment.feedback.unitWrong";
    }

    private boolean withinTolerance(BigDecimal answer) {
        var reference = reference();
        var difference = answer.subtract(reference).abs();
        if (absoluteTolerance == null && relativeTolerance == null) {
            return difference.signum() == 0;
        }
        return (absoluteTolerance != null && difference.compareTo(absoluteTolerance) <= 0)
                || (relativeTolerance != null
                        && difference
                                        .multiply(HUNDRED)
                                        .compareTo(reference.abs().multiply(relativeTolerance))
                                <= 0);
    }

    private static void tolerance(@Nullable BigDecimal tolerance) {
        if (tolerance != null && inRange(tolerance).signum() < 0) {
            throw new InvalidItemException("assessment.item.negativeTolerance", tolerance);
        }
    }

    /** Refuses numbers so large or so fine that comparing answers with them would take unbounded memory. */
    private static BigDecimal inRange(BigDecimal number) {
        if (Math.abs(number.scale()) > MAX_SCALE) {
            throw new InvalidItemException("assessment.item.numberOutOfRange", number);
        }
        return number;
    }
}
