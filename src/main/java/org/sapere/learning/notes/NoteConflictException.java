package org.sapere.learning.notes;

/** The note id is taken by a note the learner may not change (another person's, or one on another lesson). */
class NoteConflictException extends RuntimeException {

    NoteConflictException(java.util.UUID id) {
        super("note " + id + " belongs elsewhere");
    }
}
