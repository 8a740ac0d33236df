package org.sapere.credential;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.credential.domain.CertificateDocuments;
import org.sapere.credential.domain.CredentialIssuer;
import org.sapere.credential.domain.CredentialRecords;
import org.sapere.credential.domain.CredentialVerifier;
import org.sapere.credential.domain.IssuerDocuments;
import org.sapere.credential.domain.IssuerKeys;
import org.sapere.credential.pdf.CertificatePdf;
import org.sapere.credential.pdf.TranscriptPdf;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.learning.CourseCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credential module's facade: issues a credential when a learner completes a course, lists a learner's
 * credentials, verifies any credential file, and revokes.
 */
@Service
public class Credentials {

    private final CredentialIssuer issuer;
    private final CredentialRecords records;
    private final CredentialVerifier verifier;
    private final IssuerDocuments documents;
    private final IssuerKeys keys;
    private final IdentityDirectory identity;
    private final ApplicationEventPublisher events;
    private final CertificateDocuments certificates;
    private final MessageSource messages;

    Credentials(
            CredentialIssuer issuer,
            CredentialRecords records,
            CredentialVerifier verifier,
            IssuerDocuments documents,
            IssuerKeys keys,
            IdentityDirectory identity,
            ApplicationEventPublisher events,
            CertificateDocuments certificates,
            MessageSource messages) {
        this.issuer = issuer;
        this.records = records;
        this.verifier = verifier;
        this.documents = documents;
        this.keys = keys;
        this.identity = identity;
        this.events = events;
        this.certificates = certificates;
        this.messages = messages;
    }

    /** The certificate of accomplishment as PDF, texts in {@code locale}; revoked ones say so across the page. */
    public byte[] certificatePdf(IssuedCredential credential, Locale locale) {
        return CertificatePdf.render(certificates.certificate(credential, locale), messages);
    }

    /** The learner's transcript of records as PDF, dates in their time zone. */
    public byte[] transcriptPdf(AccountId learner, Locale locale, ZoneId zone) {
        return TranscriptPdf.render(certificates.transcript(learner, locale, zone), messages);
    }

    /** The learner's transcript as JSON-ready maps: every credential with its facts and links, and the totals. */
    public Map<String, Object> transcript(AccountId learner) {
        return certificates.transcriptJson(learner);
    }

    /**
     * Issues the credential of a completed course version, once: redelivered events (the event publication
     * registry retries after a crash) find the credential already there.
     */
    @ApplicationModuleListener
    void on(CourseCompleted completed) {
        issue(completed.learner(), completed.course(), completed.courseVersion(), completed.at());
    }

    /** The credential of the learner for the course version: the one issued before, or a new one. */
    public UUID issue(AccountId learner, CourseId course, int courseVersion, Instant at) {
        return issuer.issue(learner, course, courseVersion, at);
    }

    public Optional<IssuedCredential> find(UUID id) {
        return records.find(id);
    }

    /** The signed Open Badges 3.0 credential, exactly as issued. */
    public Optional<String> json(UUID id) {
        return records.document(id);
    }

    /** The learner's credentials, newest first. */
    public List<IssuedCredential> of(AccountId learner) {
        return records.ofLearner(learner.value());
    }

    /** The credentials the learner chose to show on their public profile (never revoked ones). */
    public List<IssuedCredential> publicOf(AccountId learner) {
        return records.publicOf(learner.value());
    }

    /** Shows or hides the learner's own credential on their profile; false if it is not theirs. */
    public boolean setPublic(AccountId learner, UUID id, boolean shown) {
        return records.setPublic(id, learner.value(), shown);
    }

    /** The newest credentials whose holder or course matches the text (or whose id it is), for admins. */
    public List<IssuedCredential> search(String text, int limit) {
        return records.search(text, limit);
    }

    /** Checks a credential file as an outside verifier would. */
    public Verification verify(String json) {
        return verifier.verify(json);
    }

    /** True if the person may revoke the credential: a platform admin or an admin of the issuing university. */
    public boolean mayRevoke(AccountId person, IssuedCredential credential) {
        return identity.organisation(credential.organisation())
                .filter(o -> identity.administers(person, o.slug()))
                .isPresent();
    }

    /**
     * Revokes the credential for the reason given; the verification page and the status list show it from the
     * next request on. False if it was revoked already. The caller checks {@link #mayRevoke}.
     */
    @Transactional
    public boolean revoke(UUID id, AccountId by, String reason) {
        var credential = records.find(id).orElseThrow();
        if (!records.revoke(id, by.value(), reason)) {
            return false;
        }
        events.publishEvent(new CredentialRevoked(id, credential.learner(), credential.courseTitle(), reason));
        return true;
    }

    /** The university's DID document, if the university exists. */
    public Optional<String> didDocument(String organisationSlug) {
        return documents.didDocument(organisationSlug);
    }

    /** The university's signed revocation list, if it exists. */
    public Optional<String> statusList(String organisationSlug, int list) {
        return documents.statusList(organisationSlug, list);
    }

    /** Retires the university's signing key and makes a new one; earlier credentials stay verifiable. */
    public int rotateKey(String organisationSlug) {
        var organisation = identity.organisationBySlug(organisationSlug).orElseThrow();
        return keys.rotate(organisation.id().value());
    }
}
