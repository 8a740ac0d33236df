package org.sapere.learning;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The batches a video player sends to {@code POST /learn/heartbeats}: {@value #EVENTS} events of one lesson of a
 * course the learner is enrolled in, each with its own random id, a verb among progressed, played, paused and
 * seeked, the time in epoch milliseconds and the position in seconds. Tallies what the answers say was accepted and
 * refused.
 */
final class HeartbeatBatches {

    static final int EVENTS = 5;
    static final String PATH = "/learn/heartbeats";

    private static final String[] VERBS = {"progressed", "progressed", "played", "paused", "seeked"};
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final Pattern REFUSED = Pattern.compile("\"refused\"\\s*:\\s*(\\d+)");

    private final List<LearnerSession> sessions;
    final LongAdder accepted = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder unreadable = new LongAdder();

    HeartbeatBatches(List<LearnerSession> sessions) {
        this.sessions = sessions;
    }

    /** Connection k's next request: a new batch for the k-th learner. */
    byte[] next(int k) {
        var session = sessions.get(k);
        return KeepAliveConnection.postJson(PATH, session.cookie(), session.csrf(), batch(session.lessons()));
    }

    static String batch(List<UUID> lessons) {
        var random = ThreadLocalRandom.current();
        var lesson = lessons.get(random.nextInt(lessons.size()));
        var at = System.currentTimeMillis() - EVENTS * 1_000L;
        var position = random.nextInt(1_800) + random.nextInt(10) / 10.0;
        var json = new StringBuilder(160 * EVENTS).append("{\"events\":[");
        for (var e = 0; e < EVENTS; e++) {
            if (e > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"")
                    .append(randomId(random))
                    .append("\",\"lesson\":\"")
                    .append(lesson)
                    .append("\",\"verb\":\"")
                    .append(VERBS[random.nextInt(VERBS.length)])
                    .append("\",\"at\":")
                    .append(at + e * 1_000L)
                    .append(",\"position\":")
                    .append(position + e * 5.0)
                    .append('}');
        }
        return json.append("]}").toString();
    }

    /** A version 4 UUID from the thread's random numbers: UUID.randomUUID's SecureRandom would cost the client more. */
    private static UUID randomId(ThreadLocalRandom random) {
        var high = (random.nextLong() & ~0xF000L) | 0x4000L;
        var low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** True for a 200 answer saying how many events were accepted and how many refused; tallies them. */
    boolean answered(KeepAliveConnection.Response response) {
        if (response.status() != 200) {
            return false;
        }
        var text = response.text();
        var yes = ACCEPTED.matcher(text);
        var no = REFUSED.matcher(text);
        if (!yes.find() || !no.find()) {
            unreadable.increment();
            return false;
        }
        accepted.add(Long.parseLong(yes.group(1)));
        refused.add(Long.parseLong(no.group(1)));
        return true;
    }
}
