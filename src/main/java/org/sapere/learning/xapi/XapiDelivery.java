package org.sapere.learning.xapi;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.sapere.assessment.QuizGraded;
import org.sapere.course.CourseId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.learning.CourseCompleted;
import org.sapere.learning.LearningActivity;
import org.sapere.learning.LessonCompleted;
import org.sapere.lrs.LearningRecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every learning event becomes xAPI statements in Sapere's own record store. The events come through Spring
 * Modulith's event publication registry: a publication is written in the transaction that recorded the learning
 * event, delivered here after it commits, and marked complete once the statements are stored; publications left
 * unfinished by a crash are delivered again at the next start. A statement's id is derived from its event, and the
 * store keeps a statement sent again with the same content only once, so the effect is exactly once.
 *
 * <p>{@code sapere.learning.xapi.hold} ({@code before} or {@code after} storing) makes deliveries wait for an hour:
 * the kill-and-restart test uses it to stop the process at each point.
 */
@Component
class XapiDelivery {

    private static final Logger log = LoggerFactory.getLogger(XapiDelivery.class);

    private final LearningRecordStore lrs;
    private final Registrar registrar;
    private final XapiStatements statements;
    private final String hold;

    XapiDelivery(
            LearningRecordStore lrs,
            Registrar registrar,
            @Value("${sapere.base-url:}") String baseUrl,
            @Value("${sapere.learning.xapi.hold:none}") String hold) {
        this.lrs = lrs;
        this.registrar = registrar;
        this.statements = new XapiStatements(baseUrl.isBlank() ? "http://localhost:8080" : baseUrl);
        this.hold = hold;
    }

    @Async
    @TransactionalEventListener
    void on(LearningActivity activity) {
        deliver(activity.steps().stream()
                .map(step -> statements.step(activity.learner(), activity.course(), activity.registration(), step))
                .toList());
    }

    @Async
    @TransactionalEventListener
    void on(LessonCompleted completed) {
        deliver(List.of(statements.lessonCompleted(
                completed.learner(),
                completed.course(),
                registration(completed.learner(), completed.course()),
                completed.lesson(),
                completed.at())));
    }

    @Async
    @TransactionalEventListener
    void on(CourseCompleted completed) {
        deliver(List.of(statements.courseCompleted(
                completed.learner(),
                completed.course(),
                registration(completed.learner(), completed.course()),
                completed.courseVersion(),
                completed.at())));
    }

    @Async
    @TransactionalEventListener
    void on(QuizGraded graded) {
        deliver(List.of(statements.quizGraded(
                graded.learner(),
                graded.course(),
                registration(graded.learner(), graded.course()),
                graded.lesson(),
                graded.attempt(),
                graded.percent(),
                graded.passed())));
    }

    private UUID registration(AccountId learner, CourseId course) {
        return registrar.registration(learner, course).orElse(null);
    }

    private void deliver(List<XapiStatements.Statement> batch) {
        pauseIf("before");
        var already =
                lrs.countStored(batch.stream().map(XapiStatements.Statement::id).toList());
        lrs.recordAll(batch.stream().map(XapiStatements.Statement::json).toList());
        if (already > 0) {
            log.info(
                    "Delivered {} xAPI statement(s) again; {} of them were stored already and were not stored twice",
                    batch.size(),
                    already);
        }
        pauseIf("after");
    }

    private void pauseIf(String point) {
        if (point.equalsIgnoreCase(hold)) {
            log.warn("sapere.learning.xapi.hold={}: this delivery waits here (for the kill-and-restart test)", point);
            try {
                Thread.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while holding a delivery", e);
            }
        }
    }
}
