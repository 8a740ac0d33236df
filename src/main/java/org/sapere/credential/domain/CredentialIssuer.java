package org.sapere.credential.domain;

import com.apicatalog.jsonld.JsonLdError;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.CourseOutline;
import org.sapere.credential.CredentialIssued;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Organisation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a learner's credential for a completed course version: builds the Open Badges 3.0 credential in the
 * course's language, signs it with the university's current key and stores it, at most once per learner and
 * course version.
 */
@Service
public class CredentialIssuer {

    private final CredentialRecords records;
    private final IssuerKeys keys;
    private final StatusLists statusLists;
    private final Issuers issuers;
    private final DataIntegrity integrity;
    private final CourseAuthoring courses;
    private final IdentityDirectory identity;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CredentialIssuer(
            CredentialRecords records,
            IssuerKeys keys,
            StatusLists statusLists,
            Issuers issuers,
            DataIntegrity integrity,
            CourseAuthoring courses,
            IdentityDirectory identity,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.records = records;
        this.keys = keys;
        this.statusLists = statusLists;
        this.issuers = issuers;
        this.integrity = integrity;
        this.courses = courses;
        this.identity = identity;
        this.messages = messages;
        this.events = events;
    }

    /** The credential's id: the one issued before, or a new one. */
    @Transactional
    public UUID issue(AccountId learner, CourseId course, int courseVersion, Instant at) {
        var existing = records.idOf(learner.value(), course.value(), courseVersion);
        if (existing.isPresent()) {
            return existing.get();
        }
        var outline = courses.outline(course, courseVersion)
                .orElseThrow(() -> new IllegalStateException("No published course " + course));
        var organisation = identity.organisation(outline.organisation())
                .orElseThrow(() -> new IllegalStateException("No organisation " + outline.organisation()));
        var holder = identity.people(Set.of(learner)).get(learner);
        if (holder == null) {
            throw new IllegalStateException("No account " + learner);
        }
        var id = UUID.randomUUID();
        var orgId = organisation.id().value();
        var signing = keys.signingKey(orgId);
        var index = statusLists.allocate(orgId);
        var locale = Locale.forLanguageTag(outline.language());
        var title = outline.title().in(locale);
        var award = new OpenBadges.Award(
                id,
                issuer(organisation),
                holder.displayName(),
                achievement(outline, courseVersion, locale),
                at,
                issuers.url("/organisations/" + organisation.slug() + "/credentials/status/" + StatusLists.list(index)),
                StatusLists.position(index));
        String document;
        try {
            var signed = integrity.sign(
                    OpenBadges.credential(award),
                    new DataIntegrity.ProofOptions(
                            Instant.now(),
                            issuers.verificationMethod(organisation.slug(), signing.number()),
                            "assertionMethod"),
                    signing.privateKey());
            // Open Badges 3.0's JSON schema wants the proofs as an array (the VC model allows either).
            var proofs = jakarta.json.Json.createArrayBuilder().add(signed.get("proof"));
            document = JsonText.pretty(jakarta.json.Json.createObjectBuilder(signed)
                    .add("proof", proofs)
                    .build());
        } catch (JsonLdError e) {
            throw new IllegalStateException("Could not sign the credential for " + course, e);
        }
        var stored = records.insert(new CredentialRecords.NewCredential(
                id,
                learner.value(),
                course.value(),
                courseVersion,
                orgId,
                signing.number(),
                index,
                holder.displayName(),
                title,
                at,
                document));
        if (!stored) {
            return records.idOf(learner.value(), course.value(), courseVersion).orElseThrow();
        }
        events.publishEvent(new CredentialIssued(id, learner, title, organisation.name()));
        return id;
    }

    OpenBadges.Issuer issuer(Organisation organisation) {
        return new OpenBadges.Issuer(issuers.did(organisation.slug()), organisation.name(), organisation.website());
    }

    private OpenBadges.Achievement achievement(CourseOutline outline, int version, Locale locale) {
        var outcomes = outline.outcomes().stream().map(o -> o.in(locale)).toList();
        var credit = outline.credit();
        return new OpenBadges.Achievement(
                issuers.url("/courses/" + outline.slug()),
                version,
                outline.title().in(locale),
                outline.summary().in(locale),
                criteria(outline, outcomes, locale),
                outcomes,
                credit.ects(),
                credit.eqfLevel(),
                outline.language(),
                outline.minutes());
    }

    /** The criteria as Markdown, in the course's language: what was required, the outcomes, the assessment. */
    private String criteria(CourseOutline outline, List<String> outcomes, Locale locale) {
        var text = new StringBuilder(messages.getMessage(
                "credential.criteria", new Object[] {outline.title().in(locale)}, locale));
        if (outline.credit().assessment() != null) {
            var assessment =
                    messages.getMessage("credit.assessment." + outline.credit().assessment(), null, locale);
            text.append("\n\n")
                    .append(messages.getMessage("credential.criteria.assessment", new Object[] {assessment}, locale));
        }
        if (!outcomes.isEmpty()) {
            text.append("\n\n").append(messages.getMessage("credential.criteria.outcomes", null, locale));
            outcomes.forEach(o -> text.append("\n- ").append(o));
        }
        return text.toString();
    }
}
