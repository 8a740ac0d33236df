package org.sapere.assessment.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.quiz.Grades;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.identity.Contact;
import org.sapere.identity.IdentityDirectory;
import org.springframework.stereotype.Component;

/**
 * A course's whole gradebook as the gradebook page and its CSV export read it: the graded quizzes in the course's
 * order and every enrolled learner's line, sorted by name. A fixed number of queries however many learners (their
 * enrolments, their results in two, their names in one), so a course of ten thousand stays fast.
 */
@Component
class GradebookSheet {

    private final Grades grades;
    private final Registrar registrar;
    private final IdentityDirectory identity;

    GradebookSheet(Grades grades, Registrar registrar, IdentityDirectory identity) {
        this.grades = grades;
        this.registrar = registrar;
        this.identity = identity;
    }

    private record Keyed(Learner learner, String key) {}

    private static final Comparator<Keyed> BY_NAME = Comparator.comparing(Keyed::key)
            .thenComparing(k -> k.learner().name())
            .thenComparing(k -> k.learner().email())
            .thenComparing(k -> k.learner().id());

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * A name as it sorts: accents and case set aside ("Élodie" among the E's). A collation key would follow each
     * language's rules more closely, but costs about a hundred times more, which ten thousand names per request feel.
     */
    static String sortKey(String name) {
        var plain = name;
        for (var i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0x7f) {
                plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                        .replaceAll("");
                break;
            }
        }
        return plain.toLowerCase(Locale.ROOT);
    }

    /** A learner's line with their name and address (blank when the account is gone). */
    record Learner(UUID id, String name, String email, Grades.Line line) {

        boolean waiting() {
            return line.cells().values().stream().anyMatch(Grades.Cell::waiting);
        }

        boolean matches(String query) {
            return query.isEmpty()
                    || name.toLowerCase(Locale.ROOT).contains(query)
                    || email.toLowerCase(Locale.ROOT).contains(query);
        }
    }

    /**
     * @param quizzes the graded quizzes, in the course's order (quizzes whose lesson was removed last)
     * @param people names and addresses of the learners and of the further accounts asked for (such as the authors
     *     of grade changes)
     */
    record Sheet(
            List<QuizSettings> quizzes,
            Map<UUID, String> titles,
            List<Learner> learners,
            Map<AccountId, Contact> people) {

        @Nullable
        String title(UUID lesson) {
            return titles.get(lesson);
        }
    }

    /** The whole gradebook; {@code alsoName} are further accounts whose names the page shows. */
    Sheet load(CourseAuthoring.DraftCourse draft, Collection<UUID> alsoName) {
        var course = draft.course().value();
        var titles = GradeFigures.lessonTitles(draft);
        var order = new HashMap<UUID, Integer>();
        for (var lesson : draft.lessons()) {
            order.put(lesson.id().value(), order.size());
        }
        var quizzes = grades.gradedQuizzes(course).stream()
                .sorted(Comparator.comparing((QuizSettings q) -> order.getOrDefault(q.lesson(), Integer.MAX_VALUE))
                        .thenComparing(QuizSettings::lesson))
                .toList();
        var enrolled = registrar.learners(draft.course()).stream()
                .map(AccountId::value)
                .toList();
        var lines = grades.lines(course, quizzes, enrolled);
        var wanted = new HashSet<AccountId>();
        enrolled.forEach(id -> wanted.add(new AccountId(id)));
        alsoName.forEach(id -> wanted.add(new AccountId(id)));
        var contacts = identity.contacts(wanted);
        var keyed = new ArrayList<Keyed>(lines.size());
        for (var line : lines) {
            var contact = contacts.get(new AccountId(line.learner()));
            var learner = new Learner(
                    line.learner(),
                    contact == null ? "" : contact.displayName(),
                    contact == null ? "" : contact.email(),
                    line);
            keyed.add(new Keyed(learner, sortKey(learner.name())));
        }
        keyed.sort(BY_NAME);
        return new Sheet(quizzes, titles, keyed.stream().map(Keyed::learner).toList(), contacts);
    }
}
