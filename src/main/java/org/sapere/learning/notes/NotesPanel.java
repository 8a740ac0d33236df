package org.sapere.learning.notes;

import java.util.List;
import java.util.UUID;

/**
 * The "Your notes" panel under a lesson: the learner's notes on it (newest first), whether it is bookmarked, and
 * {@code newNoteId}, the id a note sent from the page without script is stored under (so a second click stores it
 * once).
 */
public record NotesPanel(
        String lessonUrl,
        UUID lesson,
        UUID owner,
        boolean video,
        boolean bookmarked,
        List<Note> notes,
        UUID newNoteId) {}
