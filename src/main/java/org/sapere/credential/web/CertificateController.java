package org.sapere.credential.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.sapere.credential.Credentials;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificate of accomplishment as PDF (public, like the verification page it links to by its QR code), and
 * the signed-in learner's transcript of records as PDF and as JSON.
 */
@RestController
class CertificateController {

    private final Credentials credentials;
    private final IdentityDirectory identity;

    CertificateController(Credentials credentials, IdentityDirectory identity) {
        this.credentials = credentials;
        this.identity = identity;
    }

    @GetMapping("/credentials/{id}.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String id, Locale locale) {
        var credential = CredentialFilesController.Ids.parse(id)
                .flatMap(credentials::find)
                .orElseThrow(() -> new NotFoundException("credential"));
        return pdf(credentials.certificatePdf(credential, locale), "certificate-" + id + ".pdf");
    }

    @GetMapping("/credentials/transcript.pdf")
    ResponseEntity<byte[]> transcriptPdf(@AuthenticationPrincipal SignedInUser user, Locale locale) {
        return pdf(credentials.transcriptPdf(user.accountId(), locale, zone(user)), "transcript.pdf");
    }

    @GetMapping("/credentials/transcript.json")
    ResponseEntity<Map<String, Object>> transcriptJson(@AuthenticationPrincipal SignedInUser user) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("transcript.json")
                                .build()
                                .toString())
                .body(credentials.transcript(user.accountId()));
    }

    private ZoneId zone(SignedInUser user) {
        var addressee = identity.addressees(java.util.Set.of(user.accountId())).get(user.accountId());
        try {
            return addressee == null ? ZoneId.of("UTC") : ZoneId.of(addressee.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }
}
