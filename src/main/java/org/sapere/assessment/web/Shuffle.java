package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order in which a learner sees options: a permutation drawn from the attempt's seed, the item's id and the part
 * shuffled, so a reload shows the same order and two items of one quiz are shuffled differently.
 *
 * <p>The things are first sorted by id, so the order shown depends only on the ids and the seed, never on the order
 * the author wrote them in: for an ordering item that order is the answer, and for a matching item the rights are
 * often written in the order of their lefts. Knowing the seed (the code is public) thus reveals nothing more.
 */
final class Shuffle {

    private Shuffle() {}

    static <T> List<T> of(List<T> things, Function<T, String> id, long seed, UUID item, String part) {
        var list = new ArrayList<>(things);
        list.sort(Comparator.comparing(id));
        // java.util.Random's sequence is specified, so the same seed gives the same order on every JVM.
        var random = new Random(
                mix(seed ^ mix(item.getMostSignificantBits()) ^ mix(item.getLeastSignificantBits()) ^ part.hashCode()));
        for (int i = list.size() - 1; i > 0; i--) {
            var j = random.nextInt(i + 1);
            var swapped = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swapped);
        }
        return List.copyOf(list);
    }

    /** SplitMix64's finaliser: nearby seeds (attempt 1, 2, 3) give unrelated sequences. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
