package org.sapere.credential.domain;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseAuthoring;
import org.sapere.credential.IssuedCredential;
import org.sapere.credential.pdf.CertificateContent;
import org.sapere.credential.pdf.TranscriptContent;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the PDF certificate and the transcript print, gathered from the signed credential (the facts it carries)
 * and the university (its colour and logo, the course's professors).
 */
@Service
public class CertificateDocuments {

    private final CredentialRecords records;
    private final IdentityDirectory identity;
    private final CourseAuthoring courses;
    private final Issuers issuers;
    private final MessageSource messages;

    CertificateDocuments(
            CredentialRecords records,
            IdentityDirectory identity,
            CourseAuthoring courses,
            Issuers issuers,
            MessageSource messages) {
        this.records = records;
        this.identity = identity;
        this.courses = courses;
        this.issuers = issuers;
        this.messages = messages;
    }

    /** The facts of a credential as its signed document states them. */
    public record Facts(
            String description,
            List<String> outcomes,
            @Nullable BigDecimal ects,
            @Nullable Integer eqfLevel,
            @Nullable String assessment,
            int effortHours,
            String language) {}

    public CertificateContent certificate(IssuedCredential c, Locale locale) {
        var facts = facts(c);
        var organisation = identity.organisation(c.organisation()).orElseThrow();
        var brand = identity.brand(c.organisation()).orElse(new org.sapere.identity.Brand(null, null));
        var outline = courses.outline(c.course());
        var professors = outline.map(o -> {
                    var people = identity.people(o.professors());
                    return o.professors().stream()
                            .filter(people::containsKey)
                            .map(p -> people.get(p).displayName())
                            .toList();
                })
                .orElse(List.of());
        return new CertificateContent(
                c.id().toString(),
                c.holderName(),
                c.courseTitle(),
                facts.description(),
                organisation.name(),
                brand.colour(),
                brand.logoPng(),
                professors,
                c.issuedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                facts.outcomes(),
                facts.ects(),
                facts.eqfLevel(),
                facts.assessment() == null
                        ? null
                        : messages.getMessage("credit.assessment." + facts.assessment(), null, locale),
                facts.effortHours(),
                Locale.forLanguageTag(facts.language()).getDisplayLanguage(locale),
                issuers.url("/verify/" + c.id()),
                c.revoked(),
                locale);
    }

    public TranscriptContent transcript(AccountId learner, Locale locale, ZoneId zone) {
        var list = records.ofLearner(learner.value());
        var holder = list.isEmpty()
                ? identity.people(Set.of(learner)).get(learner).displayName()
                : list.getFirst().holderName();
        var names = new LinkedHashMap<org.sapere.identity.OrganisationId, String>();
        identity.organisations().forEach(o -> names.put(o.id(), o.name()));
        var entries = new ArrayList<TranscriptContent.Entry>();
        for (var c : list) {
            var facts = facts(c);
            entries.add(new TranscriptContent.Entry(
                    c.courseTitle(),
                    names.getOrDefault(c.organisation(), ""),
                    c.issuedAt().atZone(zone).toLocalDate(),
                    facts.effortHours(),
                    facts.ects(),
                    facts.eqfLevel(),
                    facts.assessment() == null
                            ? null
                            : messages.getMessage("credit.assessment." + facts.assessment(), null, locale),
                    issuers.url("/verify/" + c.id()),
                    c.revoked()));
        }
        entries.sort(Comparator.comparing(TranscriptContent.Entry::issuedOn).reversed());
        return new TranscriptContent(holder, java.time.LocalDate.now(zone), entries, locale);
    }

    /** The transcript as JSON-ready maps: each credential with its facts and links, and the totals. */
    public Map<String, Object> transcriptJson(AccountId learner) {
        var list = records.ofLearner(learner.value());
        var names = new LinkedHashMap<org.sapere.identity.OrganisationId, String>();
        identity.organisations().forEach(o -> names.put(o.id(), o.name()));
        var items = new ArrayList<Map<String, Object>>();
        var hours = 0;
        var ects = BigDecimal.ZERO;
        for (var c : list) {
            var facts = facts(c);
            var item = new LinkedHashMap<String, Object>();
            item.put("id", "urn:uuid:" + c.id());
            item.put("course", c.courseTitle());
            item.put("courseVersion", c.courseVersion());
            item.put("issuer", names.getOrDefault(c.organisation(), ""));
            item.put("issuedAt", c.issuedAt().toString());
            item.put("effortHours", facts.effortHours());
            item.put("ects", facts.ects());
            item.put("eqfLevel", facts.eqfLevel());
            item.put("assessment", facts.assessment());
            item.put("language", facts.language());
            item.put("learningOutcomes", facts.outcomes());
            item.put("status", c.revoked() ? "revoked" : "valid");
            item.put("verificationUrl", issuers.url("/verify/" + c.id()));
            item.put("openBadgeUrl", issuers.url("/credentials/" + c.id() + ".json"));
            items.add(item);
            if (!c.revoked()) {
                hours += facts.effortHours();
                ects = facts.ects() == null ? ects : ects.add(facts.ects());
            }
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("holder", list.isEmpty() ? null : list.getFirst().holderName());
        result.put("generatedAt", java.time.Instant.now().toString());
        result.put("credentials", items);
        result.put(
                "totals",
                Map.of(
                        "effortHours",
                        hours,
                        "ects",
                        ects,
                        "credentials",
                        items.stream()
                                .filter(i -> "valid".equals(i.get("status")))
                                .count()));
        return result;
    }

    /** The facts the signed document states, and the assessment type of the course. */
    public Facts facts(IssuedCredential c) {
        var facts = CredentialFacts.of(records.document(c.id()).orElse("{}"));
        var assessment =
                courses.outline(c.course()).map(o -> o.credit().assessment()).orElse(null);
        return new Facts(
                facts.description() == null ? "" : facts.description(),
                facts.outcomes(),
                facts.ects(),
                facts.eqfLevel(),
                assessment,
                facts.effortHours() == null ? 1 : facts.effortHours(),
                facts.language() == null ? "en" : facts.language());
    }
}
