package org.sapere.learning.xapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;
import org.sapere.learning.LearningActivity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the xAPI 1.0.3 statements of learning events with ADL verbs and those of the xAPI video profile. A
 * statement depends only on its event (never on the time it is built, or on texts that authors may change), so a
 * redelivered event gives the very same statement.
 */
final class XapiStatements {

    static final String ADL = "http://adlnet.gov/expapi/verbs/";
    static final String VIDEO = "https://w3id.org/xapi/video/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    /** A statement's id and its JSON. */
    record Statement(UUID id, String json) {}

    /** @param base the address activities are named under (the site's address) */
    XapiStatements(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    Statement step(AccountId learner, CourseId course, UUID registration, LearningActivity.Step step) {
        var statement = statement(
                StatementIds.ofStep(step.id()), learner, verb(step.verb()), lesson(step.lesson(), step.video()));
        var video = step.video();
        context(statement, course, registration, video);
        statement.put("timestamp", timestamp(step.at()));
        if (step.position() != null) {
            var extensions = statement.putObject("result").putObject("extensions");
            if (video) {
                extensions.put(VIDEO + "extensions/time", round(step.position()));
            } else {
                extensions.put(VIDEO + "extensions/progress", round(step.position()));
            }
        }
        return new Statement(UUID.fromString(statement.get("id").asString()), statement.toString());
    }

    Statement lessonCompleted(
            AccountId learner, CourseId course, @Nullable UUID registration, LessonId lesson, @Nullable Instant at) {
        var statement = statement(
                StatementIds.of("lesson-completed:" + learner.value() + ":" + lesson.value()),
                learner,
                verb(ADL + "completed", "completed"),
                lesson(lesson, false));
        context(statement, course, registration, false);
        if (at != null) {
            statement.put("timestamp", timestamp(at));
        }
        statement.putObject("result").put("completion", true);
        return new Statement(UUID.fromString(statement.get("id").asString()), statement.toString());
    }

    Statement courseCompleted(
            AccountId learner, CourseId course, @Nullable UUID registration, int version, @Nullable Instant at) {
        var statement = statement(
                StatementIds.of("course-completed:" + learner.value() + ":" + course.value() + ":" + version),
                learner,
                verb(ADL + "completed", "completed"),
                activity(
                        base + "/xapi/activities/courses/" + course.value(),
                        "http://adlnet.gov/expapi/activities/course"));
        if (registration != null) {
            statement.putObject("context").put("registration", registration.toString());
        }
        if (at != null) {
            statement.put("timestamp", timestamp(at));
        }
        statement.putObject("result").put("completion", true);
        return new Statement(UUID.fromString(statement.get("id").asString()), statement.toString());
    }

    Statement quizGraded(
            AccountId learner,
            CourseId course,
            @Nullable UUID registration,
            LessonId lesson,
            UUID attempt,
            BigDecimal percent,
            boolean passed) {
        var statement = statement(
                StatementIds.of("quiz-graded:" + attempt),
                learner,
                passed ? verb(ADL + "passed", "passed") : verb(ADL + "failed", "failed"),
                activity(
                        base + "/xapi/activities/lessons/" + lesson.value(),
                        "http://adlnet.gov/expapi/activities/assessment"));
        context(statement, course, registration, false);
        var scaled = percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP)
                .max(BigDecimal.ZERO)
                .min(BigDecimal.ONE);
        var result = statement.putObject("result");
        result.putObject("score").put("scaled", scaled);
        result.put("success", passed);
        result.put("completion", true);
        return new Statement(UUID.fromString(statement.get("id").asString()), statement.toString());
    }

    private ObjectNode statement(UUID id, AccountId learner, ObjectNode verb, ObjectNode object) {
        var statement = JSON.createObjectNode();
        statement.put("id", id.toString());
        var actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        var account = actor.putObject("account");
        account.put("homePage", base);
        account.put("name", learner.value().toString());
        statement.set("verb", verb);
        statement.set("object", object);
        return statement;
    }

    private void context(ObjectNode statement, CourseId course, @Nullable UUID registration, boolean video) {
        var context = statement.putObject("context");
        if (registration != null) {
            context.put("registration", registration.toString());
        }
        context.put("platform", "Sapere");
        var activities = context.putObject("contextActivities");
        activities.putArray("parent").addObject().put("id", base + "/xapi/activities/courses/" + course.value());
        if (video) {
            activities.putArray("category").addObject().put("id", VIDEO);
        }
    }

    private ObjectNode lesson(LessonId lesson, boolean video) {
        return activity(
                base + "/xapi/activities/lessons/" + lesson.value(),
                video ? VIDEO + "activity-type/video" : "http://adlnet.gov/expapi/activities/lesson");
    }

    private static ObjectNode activity(String id, String type) {
        var object = JSON.createObjectNode();
        object.put("objectType", "Activity");
        object.put("id", id);
        object.putObject("definition").put("type", type);
        return object;
    }

    private static boolean isVideoVerb(LearningActivity.Verb verb) {
        return verb == LearningActivity.Verb.PLAYED
                || verb == LearningActivity.Verb.PAUSED
                || verb == LearningActivity.Verb.SEEKED;
    }

    private static ObjectNode verb(LearningActivity.Verb verb) {
        var name = verb.name().toLowerCase(java.util.Locale.ROOT);
        return verb(isVideoVerb(verb) ? VIDEO + "verbs/" + name : ADL + name, name);
    }

    private static ObjectNode verb(String id, String display) {
        var verb = JSON.createObjectNode();
        verb.put("id", id);
        verb.putObject("display").put("en-US", display);
        return verb;
    }

    private static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
