package org.sapere.assessment.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sort keys of people's names in a language's order (accents count, case does not), kept between requests. The
 * JDK's collator normalises a name character by character: the keys of a gradebook of ten thousand learners took a
 * third of the page's time, on every page, for names that hardly change. A key depends only on the name and the
 * language, so a kept one is never stale; all are dropped when there are more than {@link #MAX_KEYS}.
 */
@Component
class NameKeys {

    static final int MAX_KEYS = 200_000;

    private final Map<Locale, Map<String, byte[]>> kept = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    /** The keys of one request: its collator (not safe to share between threads) is made only if a key is missing. */
    InOrder in(Locale locale) {
        return new InOrder(locale, kept.computeIfAbsent(locale, l -> new ConcurrentHashMap<>()));
    }

    /** Orders two keys as the collator orders their names. */
    static int compare(byte[] a, byte[] b) {
        // A collation key's bytes are its 16-bit elements, high byte first: unsigned byte order is their order.
        return Arrays.compareUnsigned(a, b);
    }

    final class InOrder {

        private final Locale locale;
        private final Map<String, byte[]> keys;
        private @Nullable Collator collator;

        private InOrder(Locale locale, Map<String, byte[]> keys) {
            this.locale = locale;
            this.keys = keys;
        }

        byte[] key(String name) {
            var key = keys.get(name);
            if (key != null) {
                return key;
            }
            if (collator == null) {
                collator = Collator.getInstance(locale);
                collator.setStrength(Collator.SECONDARY);
            }
            key = collator.getCollationKey(name).toByteArray();
            if (count.incrementAndGet() > MAX_KEYS) {
                kept.clear();
                count.set(0);
            }
            keys.put(name, key);
            return key;
        }
    }
}
