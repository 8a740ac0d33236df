package org.sapere.credential.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A learner's transcript: every credential they hold, newest first, with the totals of effort and ECTS credits.
 *
 * @param generatedOn the day the transcript was made (in the learner's time zone)
 */
public record TranscriptContent(String holderName, LocalDate generatedOn, List<Entry> entries, Locale locale) {

    /** One credential on the transcript; a revoked one is listed as revoked and left out of the totals. */
    public record Entry(
            String courseTitle,
            String organisationName,
            LocalDate issuedOn,
            int effortHours,
            @Nullable BigDecimal ects,
            @Nullable Integer eqfLevel,
            @Nullable String assessment,
            String verifyUrl,
            boolean revoked) {}
}
