package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.shared.LocalizedText;

/**
 * What every item has, whatever its type. The stem, explanation and hints are Markdown (with images and MathML), in
 * one or more languages. {@code id} names the item across its versions; a changed item is a new version, so attempts
 * keep pointing at exactly what the learner saw. Points are positive, with at most four decimal places.
 */
public record ItemInfo(
        UUID id,
        int version,
        LocalizedText stem,
        @Nullable LocalizedText explanation,
        List<LocalizedText> hints,
        BigDecimal points,
        List<String> tags,
        List<String> skills,
        @Nullable Difficulty difficulty,
        ScoringMode scoringMode) {

    public ItemInfo {
        Objects.requireNonNull(id);
        if (version < 1) {
            throw new InvalidItemException("assessment.item.versionNotPositive", version);
        }
        Rules.notBlank(stem, "assessment.item.blankStem");
        hints = List.copyOf(hints);
        if (points.signum() <= 0) {
            throw new InvalidItemException("assessment.item.pointsNotPositive", points);
        }
        points = Rules.points(points);
        tags = labels(tags);
        skills = labels(skills);
        Objects.requireNonNull(scoringMode);
    }

    /** A first version worth {@code points}, with partial credit and nothing else set. */
    public static ItemInfo of(LocalizedText stem, BigDecimal points) {
        return new ItemInfo(
                UUID.randomUUID(), 1, stem, null, List.of(), points, List.of(), List.of(), null, ScoringMode.PARTIAL);
    }

    /** The same item as its next version: same id, version plus one. */
    public ItemInfo nextVersion() {
        return new ItemInfo(id, version + 1, stem, explanation, hints, points, tags, skills, difficulty, scoringMode);
    }

    /** The same content as another id and version (an imported item saved into a bank). */
    public ItemInfo as(UUID newId, int newVersion) {
        return new ItemInfo(newId, newVersion, stem, explanation, hints, points, tags, skills, difficulty, scoringMode);
    }

    public ItemInfo withScoringMode(ScoringMode mode) {
        return new ItemInfo(id, version, stem, explanation, hints, points, tags, skills, difficulty, mode);
    }

    public ItemInfo withPoints(BigDecimal newPoints) {
        return new ItemInfo(id, version, stem, explanation, hints, newPoints, tags, skills, difficulty, scoringMode);
    }

    /** Tags and skills trimmed, without blanks or repeats, in the author's order. */
    private static List<String> labels(List<String> labels) {
        var kept = new LinkedHashSet<String>();
        for (var label : labels) {
            if (!label.isBlank()) {
                kept.add(label.strip());
            }
        }
        return List.copyOf(kept);
    }
}
