package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
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
 * enrolments, their results in two, their names in one, read at the same time as the results), and names' sort keys
 * kept between pages ({@link NameKeys}), so a course of ten thousand stays fast.
 */
@Component
class GradebookSheet {

    private final Grades grades;
    private final Registrar registrar;
    private final IdentityDirectory identity;
    private final NameKeys nameKeys;

    GradebookSheet(Grades grades, Registrar registrar, IdentityDirectory identity, NameKeys nameKeys) {
        this.grades = grades;
        this.registrar = registrar;
        this.identity = identity;
        this.nameKeys = nameKeys;
    }

    /**
     * A learner's line with their name and address (blank when the account is gone).
     *
     * @param waiting an attempt waits for grading
     */
    record Learner(UUID id, String name, String email, Grades.Line line, boolean waiting) {

        boolean matches(String query) {
            return query.isEmpty()
                    || name.toLowerCase(Locale.ROOT).contains(query)
                    || email.toLowerCase(Locale.ROOT).contains(query);
        }
    }

    /**
     * @param quizzes the graded quizzes, in the course's order (quizzes whose lesson was removed last)
     * @param others names of the other accounts asked for (such as the authors of grade changes)
     */
    record Sheet(
            List<QuizSettings> quizzes,
            Map<UUID, String> titles,
            List<Learner> learners,
            Map<AccountId, Contact> others) {

        @Nullable
        String title(UUID lesson) {
            return titles.get(lesson);
        }
    }

    /** The whole gradebook; {@code alsoName} are further accounts whose names the page shows. */
    Sheet load(CourseAuthoring.DraftCourse draft, Locale locale, Collection<UUID> alsoName) {
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
        var wanted = new HashSet<AccountId>();
        enrolled.forEach(id -> wanted.add(new AccountId(id)));
        alsoName.forEach(id -> wanted.add(new AccountId(id)));
        // The names are read while the results are: two independent queries of some ten thousand rows each.
        List<Grades.Line> lines;
        Map<AccountId, Contact> contacts;
        try (var meanwhile = Executors.newVirtualThreadPerTaskExecutor()) {
            var names = meanwhile.submit(() -> identity.contacts(wanted));
            lines = grades.lines(course, quizzes, enrolled);
            contacts = names.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var names = nameKeys.in(locale);
        var keyed = new ArrayList<Keyed>(lines.size());
        for (var line : lines) {
            var contact = contacts.get(new AccountId(line.learner()));
            var name = contact == null ? "" : contact.displayName();
            var learner =
                    new Learner(line.learner(), name, contact == null ? "" : contact.email(), line, waiting(line));
            keyed.add(new Keyed(learner, names.key(name)));
        }
        keyed.sort(null);
        return new Sheet(quizzes, titles, keyed.stream().map(Keyed::learner).toList(), contacts);
    }

    /** A learner and the sort key of their name; in the name's order, then by address, then by id. */
    private record Keyed(Learner learner, byte[] key) implements Comparable<Keyed> {

        @Override
        public int compareTo(Keyed other) {
            var byName = NameKeys.compare(key, other.key);
            if (byName != 0) {
                return byName;
            }
            var byEmail = learner.email().compareTo(other.learner.email());
            return byEmail != 0 ? byEmail : learner.id().compareTo(other.learner.id());
        }
    }

    private static boolean waiting(Grades.Line line) {
        for (var cell : line.cells().values()) {
            if (cell.waiting()) {
                return true;
            }
        }
        return false;
    }
}
