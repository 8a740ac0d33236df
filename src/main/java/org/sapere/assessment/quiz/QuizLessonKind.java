package org.sapere.assessment.quiz;

import java.util.Optional;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.course.LessonKind;
import org.sapere.course.LessonKindContribution;
import org.springframework.stereotype.Component;

/** Offers "Quiz" among the lesson kinds; a quiz is published only once it asks questions the bank can supply. */
@Component
class QuizLessonKind implements LessonKindContribution {

    private final QuizStore quizzes;
    private final ItemBank bank;

    QuizLessonKind(QuizStore quizzes, ItemBank bank) {
        this.quizzes = quizzes;
        this.bank = bank;
    }

    @Override
    public LessonKind kind() {
        return QuizLessons.KIND;
    }

    @Override
    public String nameKey() {
        return "author.kind.quiz";
    }

    @Override
    public String manageKey() {
        return "assessment.quiz.manage";
    }

    @Override
    public String editorPath(CourseId course, LessonId lesson) {
        return "/teach/courses/" + course + "/lessons/" + lesson + "/quiz";
    }

    @Override
    public Optional<String> summaryPath(CourseId course, LessonId lesson) {
        return Optional.of(editorPath(course, lesson) + "/summary");
    }

    @Override
    public boolean learnerMarksComplete() {
        return false;
    }

    @Override
    public Optional<String> publishProblem(LessonId lesson) {
        var quiz = quizzes.find(lesson.value());
        if (quiz.isEmpty() || quiz.get().questionCount() == 0) {
            return Optional.of("assessment.quiz.publish.noQuestions");
        }
        for (var slot : quiz.get().slots()) {
            if (slot instanceof QuizSettings.Draw draw
                    && bank.list(quiz.get().course(), draw.tag()).size() < draw.count()) {
                return Optional.of("assessment.quiz.publish.poolTooSmall");
            }
        }
        return Optional.empty();
    }
}
