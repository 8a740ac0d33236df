package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A number as a learner typed it: its value, how many significant figures it was written with, and the unit after
 * it. A comma or a point is the decimal separator ("1,5" and "1.5" are both one and a half); there are no thousands
 * separators, so "1,500" is 1.5 and "1 500" is not a number. Scientific notation is written with e ("6.02e23").
 */
record TypedNumber(BigDecimal value, int fewestFigures, int mostFigures, String unit) {

    /** Longer input is not read at all. */
    static final int MAX_LENGTH = 100;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    // The exponent has at most three digits, so no answer makes the arithmetic below run away.
    private static final Pattern NUMBER =
            Pattern.compile("([+-]?)(\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE]([+-]?\\d{1,3}))?\\s*(.*)");

    /** The number in {@code typed}, or null when it does not start with one or what follows it cannot be a unit. */
    static @Nullable TypedNumber parse(String typed) {
        var text = SPACES.matcher(typed.replace('\u2212', '-')).replaceAll(" ").strip();
        if (text.length() > MAX_LENGTH) {
            return null;
        }
        var m = NUMBER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        var unit = m.group(4);
        if (!unit.isEmpty() && (Character.isDigit(unit.charAt(0)) || unit.charAt(0) == '.' || unit.charAt(0) == ',')) {
            // "1.2.3" or "12 345": not a number followed by a unit.
            return null;
        }
        var mantissa = m.group(2).replace(',', '.');
        var exponent = m.group(3) == null ? "" : "E" + m.group(3);
        var value = new BigDecimal(m.group(1) + mantissa + exponent);
        return figures(value, mantissa, unit);
    }

    /**
     * Counts significant figures as written. Leading zeros never count; trailing zeros count after a decimal point
     * ("9.80": 3). An integer's trailing zeros may or may not be significant, so "1500" has between 2 and 4.
     */
    private static TypedNumber figures(BigDecimal value, String mantissa, String unit) {
        var point = mantissa.indexOf('.');
        var significant = mantissa.replace(".", "").replaceFirst("^0+", "");
        if (significant.isEmpty()) {
            // Zero: "0.00" is written to two decimal places, so count those.
            var decimals = point < 0 ? 0 : mantissa.length() - point - 1;
            return new TypedNumber(value, Math.max(1, decimals), Math.max(1, decimals), unit);
        }
        if (point >= 0) {
            return new TypedNumber(value, significant.length(), significant.length(), unit);
        }
        var withoutTrailingZeros = significant.replaceFirst("0+$", "");
        return new TypedNumber(value, withoutTrailingZeros.length(), significant.length(), unit);
    }

    static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
