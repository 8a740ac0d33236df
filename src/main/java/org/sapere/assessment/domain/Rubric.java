package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sapere.shared.LocalizedText;

/**
 * How staff grade an essay: criteria (such as "argument" or "sources"), each with levels worth points. A grade picks
 * one level per criterion; the item's score is the sum, capped at the item's points.
 */
public record Rubric(List<Criterion> criteria) {

    /** One aspect of the essay, graded at one of its levels. */
    public record Criterion(String id, LocalizedText description, List<Level> levels) {

        public Criterion {
            Rules.id(id);
            Objects.requireNonNull(description);
            levels = List.copyOf(levels);
            if (levels.isEmpty()) {
                throw new InvalidItemException("assessment.item.noLevels", id);
            }
            Rules.unique(levels.stream().map(Level::id).toList());
        }

        /** The points of the best level. */
        public BigDecimal maxPoints() {
            return levels.stream().map(Level::points).reduce(BigDecimal::max).orElseThrow();
        }

        public Optional<Level> level(String levelId) {
            return levels.stream().filter(l -> l.id().equals(levelId)).findFirst();
        }
    }

    /** How well the essay meets a criterion ("thorough", "adequate", "missing") and what that is worth. */
    public record Level(String id, LocalizedText description, BigDecimal points) {

        public Level {
            Rules.id(id);
            Objects.requireNonNull(description);
            if (points.signum() < 0) {
                throw new InvalidItemException("assessment.item.negativeLevelPoints", points);
            }
            points = Rules.points(points);
        }
    }

    public Rubric {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new InvalidItemException("assessment.item.noCriteria", 0);
        }
        Rules.unique(criteria.stream().map(Criterion::id).toList());
    }

    /** The points of an essay at the best level of every criterion. */
    public BigDecimal maxPoints() {
        return criteria.stream().map(Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
