package org.sapere.credential.web;

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
 * What a credential says about the achievement, read from its JSON for the verification page: the description,
 * ECTS credits, EQF level, learning outcomes, effort, language and the criteria.
 */
public record Claims(
        @Nullable String description,
        @Nullable BigDecimal ects,
        @Nullable String eqfLevel,
        List<String> outcomes,
        @Nullable Integer effortHours,
        @Nullable String language,
        @Nullable String achievementUrl) {

    static final Claims NONE = new Claims(null, null, null, List.of(), null, null, null);

    static Claims of(String json) {
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
        String eqf = null;
        var outcomes = new ArrayList<String>();
        if (achievement.get("alignment") instanceof JsonArray alignments) {
            for (var value : alignments) {
                if (value instanceof JsonObject alignment) {
                    var type = text(alignment.get("targetType"));
                    if ("ext:EQFLevel".equals(type)) {
                        eqf = text(alignment.get("targetCode"));
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
        return new Claims(
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
