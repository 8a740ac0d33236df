package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.shared.LocalizedText;
import org.sapere.support.TestVideos;
import org.sapere.support.WebSession;
import org.sapere.video.VideoFixtures;
import org.sapere.video.domain.VideoAssets;

/**
 * A published course short enough to complete in a browser test: Prof. Rossi's, of Polimi, with one video lesson
 * (a real 16-second clip, processed) and one graded quiz of single-choice questions, which the passing rule (60 % on
 * each graded quiz) requires.
 *
 * @param questions each question's stem, its right answer, then two wrong ones
 */
record ShortCourse(String slug, UUID video, UUID quiz, List<List<String>> questions) {

    static ShortCourse publish(
            String title,
            List<List<String>> questions,
            int port,
            CourseEditor editor,
            IdentityDirectory identity,
            VideoAssets assets,
            ItemBank bank,
            QuizStore quizzes)
            throws Exception {
        TestVideos.requireFfmpeg();
        var fixtures = new VideoFixtures(editor, identity, assets);
        var video = fixtures.courseWithVideoLesson(title);
        var course = video.course();
        var rossi = identity.accountByEmail(VideoFixtures.PROFESSOR).orElseThrow();
        var asset = VideoFixtures.upload(
                new WebSession(port).signIn(VideoFixtures.PROFESSOR), video, TestVideos.clip(640, 360, 16));
        var module = editor.open(course, rossi).course().modules().getFirst();
        var added = editor.addLesson(
                course,
                module.id(),
                rossi,
                editor.open(course, rossi).revision(),
                "Quiz: risks and their owners",
                5,
                QuizLessons.KIND);
        assertThat(added.ok()).as(String.valueOf(added.problems())).isTrue();
        var quiz = editor.open(course, rossi)
                .course()
                .modules()
                .getFirst()
                .lessons()
                .getLast()
                .id();
        var slots = questions.stream()
                .<QuizSettings.Slot>map(q -> {
                    var item = new SingleChoice(
                            ItemInfo.of(en(q.get(0)), BigDecimal.ONE),
                            List.of(
                                    Option.of("A", en(q.get(2))),
                                    Option.of("B", en(q.get(1))),
                                    Option.of("C", en(q.get(3)))),
                            "B");
                    return new QuizSettings.Fixed(
                            bank.save(course, item, rossi.value()).info().id());
                })
                .toList();
        quizzes.save(new QuizSettings(
                quiz,
                course,
                slots,
                false,
                false,
                0,
                0,
                new BigDecimal("60"),
                QuizSettings.FeedbackTiming.AFTER_SUBMIT,
                true,
                true,
                QuizSettings.Category.QUIZ,
                null,
                null));
        assertThat(fixtures.awaitProcessed(asset, Duration.ofMinutes(3)).ready())
                .isTrue();
        return new ShortCourse(fixtures.publish(course), video.lesson(), quiz, questions);
    }

    private static LocalizedText en(String text) {
        return LocalizedText.of("en", text);
    }
}
