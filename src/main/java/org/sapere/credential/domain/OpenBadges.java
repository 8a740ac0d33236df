package org.sapere.credential.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An Open Badges 3.0 {@code OpenBadgeCredential} (a W3C Verifiable Credential 2.0) for a completed course, with the
 * fields of the European Learning Model's micro-credentials where the course declares them: ECTS credits
 * ({@code creditsAvailable}), EQF level and learning outcomes (alignments), language, and the volume of learning
 * (ELM's {@code volumeOfLearning}, the one term not in the Open Badges context, defined inline).
 */
public final class OpenBadges {

    static final String ELM_VOLUME_OF_LEARNING = "http://data.europa.eu/snb/model/elm/volumeOfLearning";
    static final String EQF = "https://europa.eu/europass/en/description-eight-eqf-levels";

    private OpenBadges() {}

    /** The university that issues. */
    public record Issuer(String did, String name, @Nullable String url) {}

    /** What was achieved: the published course version. */
    public record Achievement(
            String url,
            int version,
            String title,
            String summary,
            String criteria,
            List<String> outcomes,
            @Nullable BigDecimal ects,
            @Nullable Integer eqfLevel,
            String language,
            int minutes) {}

    /** One credential: who, what, when, and where its revocation status is published. */
    public record Award(
            UUID id,
            Issuer issuer,
            String holderName,
            Achievement achievement,
            Instant issuedAt,
            String statusListUrl,
            int statusIndex) {}

    public static JsonObject credential(Award award) {
        var a = award.achievement();
        var issuer = profile(award.issuer());
        var achievement = Json.createObjectBuilder()
                .add("id", a.url() + "#version-" + a.version())
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("achievementType", "Course")
                .add("name", a.title())
                .add("description", a.summary().isBlank() ? a.title() : a.summary())
                .add("criteria", Json.createObjectBuilder().add("id", a.url()).add("narrative", a.criteria()))
                .add("creator", profile(award.issuer()))
                .add("inLanguage", a.language())
                .add("version", Integer.toString(a.version()))
                .add(
                        "volumeOfLearning",
                        Duration.ofMinutes(Math.max(1, a.minutes())).toString());
        if (a.ects() != null) {
            achievement.add("creditsAvailable", a.ects());
        }
        var alignments = alignments(a);
        var built = alignments.build();
        if (!built.isEmpty()) {
            achievement.add("alignment", built);
        }
        var holder = Json.createObjectBuilder()
                .add("type", "IdentityObject")
                .add("identityHash", award.holderName())
                .add("identityType", "name")
                .add("hashed", false);
        var subject = Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("identifier", Json.createArrayBuilder().add(holder))
                .add("achievement", achievement);
        var status = Json.createObjectBuilder()
                .add("id", award.statusListUrl() + "#" + award.statusIndex())
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", "revocation")
                .add("statusListIndex", Integer.toString(award.statusIndex()))
                .add("statusListCredential", award.statusListUrl());
        return Json.createObjectBuilder()
                .add("@context", contexts())
                .add("id", "urn:uuid:" + award.id())
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("name", a.title())
                .add("description", a.summary().isBlank() ? a.title() : a.summary())
                .add("issuer", issuer)
                .add("validFrom", timestamp(award.issuedAt()))
                .add("credentialSubject", subject)
                .add("credentialStatus", status)
                .build();
    }

    /** The contexts: VC 2.0, Open Badges 3.0.3, and the one European Learning Model term. */
    static JsonArrayBuilder contexts() {
        var volume = Json.createObjectBuilder()
                .add("@id", ELM_VOLUME_OF_LEARNING)
                .add("@type", "http://www.w3.org/2001/XMLSchema#duration");
        return Json.createArrayBuilder()
                .add(Contexts.CREDENTIALS_V2)
                .add(Contexts.OPEN_BADGES_V3)
                .add(Json.createObjectBuilder().add("volumeOfLearning", volume));
    }

    private static JsonArrayBuilder alignments(Achievement a) {
        var alignments = Json.createArrayBuilder();
        if (a.eqfLevel() != null) {
            alignments.add(Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Alignment"))
                    .add("targetName", "EQF level " + a.eqfLevel())
                    .add("targetUrl", EQF)
                    .add("targetFramework", "European Qualifications Framework")
                    .add("targetCode", Integer.toString(a.eqfLevel()))
                    .add("targetType", "ext:EQFLevel"));
        }
        for (int i = 0; i < a.outcomes().size(); i++) {
            alignments.add(Json.createObjectBuilder()
                    .add("type", Json.createArrayBuilder().add("Alignment"))
                    .add("targetName", a.outcomes().get(i))
                    .add("targetUrl", a.url() + "#outcome-" + (i + 1))
                    .add("targetType", "ext:LearningOutcome"));
        }
        return alignments;
    }

    static JsonObjectBuilder profile(Issuer issuer) {
        var profile = Json.createObjectBuilder()
                .add("id", issuer.did())
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", issuer.name());
        if (issuer.url() != null && !issuer.url().isBlank()) {
            profile.add("url", issuer.url());
        }
        return profile;
    }

    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
