package org.sapere.credential.domain;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a credential says about the achievement, read from its JSON (the record of truth once issued, whatever the
 * course says now): the description, ECTS credits, EQF level, learning outcomes, effort, language and the criteria.
 */
public record CredentialFacts(
        @Nullable String description,
        @Nullable BigDecimal ects,
        @Nullable Integer eqfLevel,
        List<String> outcomes,
        @Nullable Integer effortHours,
        @Nullable String language,
        @Nullable String achievementUrl) {

    public static final CredentialFacts NONE = new CredentialFacts(null, null, null, List.of(), null, null, null);

    public static CredentialFacts of(String json) {
        JsonObject document;
        try (var reader = Json.createReader(new StringReader(json))) {
            document = reader.readObject();
        } catch (RuntimeException e) {
            return NONE;
        }
        if (!(document.get("credentialSubject") instanceof JsonObject subject)
                || !(subject.get("achievement") instanceof JsonObject achievement)) {
            return NONE;
        }
        Integer eqf = null;
        var outcomes = new ArrayList<String>();
        if (achievement.get("alignment") instanceof JsonArray alignments) {
            for (var value : alignments) {
                if (value instanceof JsonObject alignment) {
                    var type = text(alignment.get("targetType"));
                    if ("ext:EQFLevel".equals(type)
                            && text(alignment.get("targetCode")) instanceof String code
                            && code.matches("[1-8]")) {
                        eqf = Integer.valueOf(code);
                    } else if ("ext:LearningOutcome".equals(type) && text(alignment.get("targetName")) != null) {
                        outcomes.add(text(alignment.get("targetName")));
                    }
                }
            }
        }
        Integer hours = null;
        var volume = text(achievement.get("volumeOfLearning"));
        if (volume != null) {
            try {
                hours = (int) Math.max(1, Math.round(Duration.parse(volume).toMinutes() / 60.0));
            } catch (RuntimeException e) {
                hours = null;
            }
        }
        var criteria = achievement.get("criteria") instanceof JsonObject c ? text(c.get("id")) : null;
        return new CredentialFacts(
                text(achievement.get("description")),
                achievement.get("creditsAvailable") instanceof JsonNumber n ? n.bigDecimalValue() : null,
                eqf,
                List.copyOf(outcomes),
                hours,
                text(achievement.get("inLanguage")),
                criteria);
    }

    private static @Nullable String text(@Nullable JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
