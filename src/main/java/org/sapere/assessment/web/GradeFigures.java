package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseAuthoring;

/** Numbers and dates as the grading pages show them, in the reader's language (read by the templates). */
public final class GradeFigures {

    private GradeFigures() {}

    /** A percent kept as 0–100 ("66.7%", "66,7 %"), at most one decimal; an empty string for null. */
    public static String percent(@Nullable BigDecimal percent, Locale locale) {
        if (percent == null) {
            return "";
        }
        var format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(percent.movePointLeft(2).setScale(3, RoundingMode.HALF_UP));
    }

    /** A share kept as 0–1 (an item's facility) as a whole percent. */
    public static String share(double fraction, Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(fraction);
    }

    /** A figure such as a correlation to two decimals, or "—" when there is none. */
    public static String twoDecimals(@Nullable Double value, Locale locale) {
        if (value == null) {
            return "—";
        }
        var format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** Points without trailing zeros ("1.5", "3"). */
    public static String points(@Nullable BigDecimal points, Locale locale) {
        if (points == null) {
            return "";
        }
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(points);
    }

    /** A moment as a day and a time (UTC, as the other staff pages show times). */
    public static String dateTime(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale("en".equals(locale.getLanguage()) ? Locale.UK : locale)
                        .withZone(ZoneOffset.UTC)
                        .format(at)
                + " UTC";
    }

    /** The course's lessons' titles by lesson id (in the course's language), for naming quizzes. */
    static Map<UUID, String> lessonTitles(CourseAuthoring.DraftCourse draft) {
        var titles = new HashMap<UUID, String>();
        for (var lesson : draft.lessons()) {
            titles.put(lesson.id().value(), lesson.title().original());
        }
        return titles;
    }
}
