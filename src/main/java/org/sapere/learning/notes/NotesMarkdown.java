package org.sapere.learning.notes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The learner's notes as a Markdown document to keep: a heading per course and lesson, a bullet per note with its
 * date and video time. The notes are the learner's own plain text, written out as they typed it.
 */
@Component
class NotesMarkdown {

    private final MessageSource messages;

    NotesMarkdown(MessageSource messages) {
        this.messages = messages;
    }

    String write(NotesOverview overview, Instant now, Locale locale) {
        var out = new StringBuilder();
        out.append("# ").append(t("notes.md.title", locale)).append("\n\n");
        out.append(t("notes.md.exported", locale, date(now, locale))).append("\n");
        if (overview.courses().isEmpty()) {
            out.append("\n").append(t("notes.md.empty", locale)).append("\n");
        }
        for (var course : overview.courses()) {
            out.append("\n## ").append(line(course.title().in(locale))).append("\n");
            for (var lesson : course.lessons()) {
                var title = lesson.title() == null
                        ? t("notes.page.removedLesson", locale)
                        : lesson.title().in(locale);
                out.append("\n### ").append(line(title)).append("\n\n");
                for (var note : lesson.notes()) {
                    out.append("- *").append(date(note.createdAt(), locale));
                    if (note.videoSecond() != null) {
                        out.append(", ").append(t("notes.at", locale, note.clock()));
                    }
                    out.append("*: ").append(note.body().replace("\n", "\n  ")).append("\n");
                }
            }
        }
        if (!overview.bookmarks().isEmpty()) {
            out.append("\n## ").append(t("notes.page.bookmarks", locale)).append("\n\n");
            for (var mark : overview.bookmarks()) {
                out.append("- ")
                        .append(line(mark.lesson().in(locale)))
                        .append(" (")
                        .append(line(mark.course().in(locale)))
                        .append(")\n");
            }
        }
        return out.toString();
    }

    /** A title on one line, as a heading needs. */
    private static String line(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String date(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale("en".equals(locale.getLanguage()) ? Locale.UK : locale)
                .withZone(ZoneOffset.UTC)
                .format(at);
    }
}
