package org.sapere.credential.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Everything a certificate of accomplishment prints, already in the reader's language where it is text Sapere
 * wrote (course and university texts come as their authors wrote them).
 *
 * @param brandColour the university's colour as {@code #rrggbb}, or null for Sapere's own
 * @param logoPng the university's logo as PNG bytes, or null when it has none
 * @param professors the professors' names, in the order the course lists them
 * @param assessment how learning was assessed, as a sentence in {@code locale}, or null
 * @param effortHours the course's effort in whole hours (at least 1)
 * @param verifyUrl the public verification page, printed and encoded in the QR code
 * @param revoked true once the credential was revoked: the certificate then says so across the page
 */
public record CertificateContent(
        String credentialId,
        String holderName,
        String courseTitle,
        String achievementDescription,
        String organisationName,
        @Nullable String brandColour,
        byte @Nullable [] logoPng,
        List<String> professors,
        LocalDate issuedOn,
        List<String> outcomes,
        @Nullable BigDecimal ects,
        @Nullable Integer eqfLevel,
        @Nullable String assessment,
        int effortHours,
        String courseLanguage,
        String verifyUrl,
        boolean revoked,
        Locale locale) {}
