package org.sapere.assessment.web;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * New ids for options, criteria and levels: A, B, C … Z, AA, AB …, after the last of these the previous version used
 * and skipping every id it has, so an id does not come to mean a different option from one version to the next (an
 * id dropped from an older version is not known here, and could come back only when it was the last one).
 */
final class IdSequence {

    private static final Pattern LETTERS = Pattern.compile("[A-Z]{1,4}");

    private final Set<String> taken;
    private int start;

    IdSequence(Collection<String> taken) {
        this.taken = new HashSet<>(taken);
        for (var id : taken) {
            if (LETTERS.matcher(id).matches()) {
                start = Math.max(start, number(id) + 1);
            }
        }
    }

    String next() {
        for (int n = start; ; n++) {
            var id = letters(n);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** The inverse of {@link #letters}. */
    private static int number(String letters) {
        var n = 0;
        for (var c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    /** 0 is A, 25 is Z, 26 is AA, as spreadsheet columns. */
    static String letters(int n) {
        var id = new StringBuilder();
        for (int rest = n + 1; rest > 0; rest = (rest - 1) / 26) {
            id.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return id.toString();
    }
}
