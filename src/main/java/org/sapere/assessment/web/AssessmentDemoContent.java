package org.sapere.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.CourseAuthoring;
import org.sapere.shared.DemoContent;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The demo's quizzes ({@code demo/assessment/*.yaml}): items written with the author's form fields go into the
 * course's question bank, and the named quiz lesson asks them all. A demo item the form refuses stops the start, so
 * a mistake in the demo is found at once.
 */
@Component
@Profile("!prod")
class AssessmentDemoContent implements DemoContent {

    private final CourseAuthoring courses;
    private final ItemBank bank;
    private final QuizStore quizzes;

    AssessmentDemoContent(CourseAuthoring courses, ItemBank bank, QuizStore quizzes) {
        this.courses = courses;
        this.bank = bank;
        this.quizzes = quizzes;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void load() {
        try {
            for (var resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath:demo/assessment/*.yaml")) {
                try (var in = resource.getInputStream()) {
                    Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    load(spec, resource.getFilename());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void load(Map<String, Object> spec, String file) {
        var course = courses.outlineBySlug((String) spec.get("course"))
                .orElseThrow(() -> new IllegalStateException(file + ": no course " + spec.get("course")));
        var lesson = course.lessons()
                .filter(l -> l.title().original().equals(spec.get("lesson")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": no lesson " + spec.get("lesson")));
        var slots = new ArrayList<QuizSettings.Slot>();
        for (var fields : (List<Map<String, Object>>) spec.get("items")) {
            var form = new LinkedHashMap<String, String>();
            fields.forEach((k, v) -> form.put(k, String.valueOf(v).strip()));
            var type = form.remove("type");
            switch (ItemForm.parse(type, form, ItemForm.ItemInfoBase.newItem(course.language()))) {
                case ItemForm.Valid valid -> {
                    bank.save(course.id().value(), valid.item(), null);
                    slots.add(new QuizSettings.Fixed(valid.item().info().id()));
                }
                case ItemForm.Invalid invalid ->
                    throw new IllegalStateException(file + ": demo item refused: " + invalid.errors());
            }
        }
        var rules = (Map<String, Object>) spec.getOrDefault("quiz", Map.of());
        var initial = QuizSettings.initial(lesson.id().value(), course.id().value());
        quizzes.save(new QuizSettings(
                initial.lesson(),
                initial.course(),
                slots,
                true,
                true,
                (Integer) rules.getOrDefault("maxAttempts", 0),
                (Integer) rules.getOrDefault("timeLimit", 0),
                new BigDecimal(String.valueOf(rules.getOrDefault("passing", 60))),
                QuizSettings.FeedbackTiming.valueOf((String) rules.getOrDefault("feedback", "AFTER_SUBMIT")),
                (Boolean) rules.getOrDefault("showCorrect", true),
                (Boolean) rules.getOrDefault("graded", true),
                QuizSettings.Category.QUIZ,
                null,
                null));
    }
}
