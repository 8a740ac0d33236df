package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.sapere.shared.LocalizedText;

/** The checks that several item types share; each failure names its rule for the author. */
final class Rules {

    /** Ids of options, gaps and criteria: short, and safe inside a gap marker, an HTML id and a QTI identifier. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Points are kept to this many decimal places, so sums and shares are exact and reproducible. */
    static final int SCALE = 4;

    private Rules() {}

    static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidItemException("assessment.item.invalidId", id);
        }
        return id;
    }

    static void unique(Collection<String> ids) {
        var seen = new HashSet<String>();
        for (var id : ids) {
            if (!seen.add(id)) {
                throw new InvalidItemException("assessment.item.duplicateId", id);
            }
        }
    }

    static List<Option> options(List<Option> options, int atLeast) {
        var copy = List.copyOf(options);
        if (copy.size() < atLeast) {
            throw new InvalidItemException("assessment.item.tooFewOptions", copy.size());
        }
        unique(copy.stream().map(Option::id).toList());
        return copy;
    }

    static List<TextAnswer> accepted(List<TextAnswer> accepted) {
        var copy = List.copyOf(accepted);
        if (copy.isEmpty()) {
            throw new InvalidItemException("assessment.item.noAcceptedAnswer", 0);
        }
        return copy;
    }

    static boolean hasOption(List<Option> options, String id) {
        return options.stream().anyMatch(o -> o.id().equals(id));
    }

    /** The amount at {@link #SCALE} decimal places; more precision than that is refused rather than rounded away. */
    static BigDecimal points(BigDecimal points) {
        try {
            return points.setScale(SCALE);
        } catch (ArithmeticException e) {
            throw new InvalidItemException("assessment.item.pointsTooPrecise", points);
        }
    }

    static LocalizedText notBlank(LocalizedText text, String messageKey) {
        if (text.variants().values().stream().anyMatch(String::isBlank)) {
            throw new InvalidItemException(messageKey, text.originalLanguage());
        }
        return text;
    }
}
