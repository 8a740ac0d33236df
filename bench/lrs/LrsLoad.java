import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Load for the record store's /xapi, run by bench/lrs.sh with {@code java LrsLoad.java MODE ...} (JDK 21+, nothing
 * to install). Each of the N connections is a virtual thread sending its next request when the last one is
 * answered. Statements have the shape of bench/lrs/generate.sql (50,000 learners, 100 courses, 30 verbs).
 *
 * <pre>
 *   ingest BASE STATEMENTS BATCH CONNECTIONS   batched POSTs; prints "statements/s"
 *   single BASE STATEMENTS CONNECTIONS         one statement per POST; prints "statements/s"
 *   query  BASE REQUESTS CONNECTIONS           the filter mix on a generated store; prints p50/p99 per filter
 * </pre>
 */
class LrsLoad {

    static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("demo-lrs-client:demo-lrs-secret-2026".getBytes(StandardCharsets.UTF_8));
    static final String[] VERBS = {
        "experienced", "attempted", "answered", "progressed", "completed", "launched", "initialized", "terminated",
        "passed", "failed", "interacted", "resumed", "suspended", "scored", "responded", "commented", "asked",
        "attended", "exited", "mastered", "registered", "shared", "imported", "preferred", "satisfied", "waived",
        "abandoned", "logged-in", "logged-out", "rated"
    };
    static final Instant FIRST = Instant.parse("2025-11-01T00:00:00Z");
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        var base = args[1];
        switch (args[0]) {
            case "ingest" -> post(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "single" -> post(base, Integer.parseInt(args[2]), 1, Integer.parseInt(args[3]));
            case "query" -> query(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTH)
                .header("X-Experience-API-Version", "1.0.3");
    }

    // ---- writes

    static void post(String base, int statements, int batch, int connections) throws Exception {
        int requests = statements / batch;
        // the bodies are made before the clock starts
        var bodies = new ArrayList<String>(requests);
        for (int i = 0; i < requests; i++) {
            var body = new StringBuilder(batch == 1 ? "" : "[");
            for (int j = 0; j < batch; j++) {
                body.append(j == 0 ? "" : ",").append(statement());
            }
            bodies.add(body.append(batch == 1 ? "" : "]").toString());
        }
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        var latencies = new ConcurrentLinkedQueue<Long>();
        long start = System.nanoTime();
        run(connections, () -> {
            for (int i; (i = next.getAndIncrement()) < requests; ) {
                long t = System.nanoTime();
                var response = send(request(base + "/xapi/statements")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                        .build());
                latencies.add(System.nanoTime() - t);
                if (response.statusCode() != 200) {
                    if (failures.incrementAndGet() <= 3) {
                        System.err.println(response.statusCode() + " " + response.body());
                    }
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "statements/s %.0f statements %d batch %d connections %d seconds %.2f failed-requests %d"
                        + " request-p50-ms %.1f request-p99-ms %.1f%n",
                requests * batch / seconds, requests * batch, batch, connections, seconds, failures.get(),
                percentile(sorted, 50), percentile(sorted, 99));
    }

    static String statement() {
        var random = ThreadLocalRandom.current();
        int agent = 1 + random.nextInt(50_000);
        int verb = (int) Math.floor(30 * Math.pow(random.nextDouble(), 2));
        int course = (agent * 37 + random.nextInt(4) * 11) % 100;
        int lesson = random.nextInt(20);
        var activity = "https://sapere.example/courses/c" + course + "/lessons/l" + lesson;
        var json = new StringBuilder(900);
        json.append("{\"id\":\"").append(UUID.randomUUID()).append("\",")
                .append("\"actor\":{\"objectType\":\"Agent\",\"name\":\"Learner ").append(agent)
                .append("\",\"mbox\":\"mailto:learner").append(agent).append("@example.org\"},")
                .append("\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/").append(VERBS[verb])
                .append("\",\"display\":{\"en-US\":\"").append(VERBS[verb]).append("\"}},")
                .append("\"object\":{\"objectType\":\"Activity\",\"id\":\"").append(activity)
                .append("\",\"definition\":{\"name\":{\"en-US\":\"Lesson ").append(lesson).append(" of course ")
                .append(course).append("\"},\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}},");
        if (verb == 2 || verb == 4 || verb == 8 || verb == 9 || verb == 13) {
            int score = random.nextInt(101);
            json.append("\"result\":{\"score\":{\"scaled\":").append(score / 100.0).append(",\"raw\":").append(score)
                    .append(",\"min\":0,\"max\":100},\"success\":").append(score >= 50)
                    .append(",\"completion\":true,\"duration\":\"PT").append(30 + random.nextInt(600)).append("S\"},");
        }
        json.append("\"context\":{\"registration\":\"").append(registration(agent, course))
                .append("\",\"platform\":\"Sapere\",\"language\":\"en-US\",\"contextActivities\":{\"parent\":[")
                .append("{\"objectType\":\"Activity\",\"id\":\"https://sapere.example/courses/c").append(course)
                .append("\"}]");
        if (random.nextInt(10) < 3) {
            json.append(",\"grouping\":[{\"objectType\":\"Activity\",\"id\":\"https://sapere.example/programmes/p")
                    .append(course % 10).append("\"}]");
        }
        json.append("}},\"timestamp\":\"").append(Instant.now().minusSeconds(random.nextInt(600))).append("\"}");
        return json.toString();
    }

    /** The registration of a learner in a course, as generate.sql makes it: md5('reg' || agent || '-' || course). */
    static UUID registration(int agent, int course) {
        try {
            var hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5")
                            .digest(("reg" + agent + "-" + course).getBytes(StandardCharsets.UTF_8)));
            return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reads

    record Kind(String name, Supplier<String> query) {}

    static final Pattern MORE = Pattern.compile("\"more\":\"([^\"]+)\"");

    static void query(String base, int requests, int connections) throws Exception {
        var kinds = kinds();
        // the second page of an agent's statements: its more link, taken from a first page
        var moreLinks = new ConcurrentLinkedQueue<String>();
        var latencies = new ConcurrentHashMap<String, ConcurrentLinkedQueue<Long>>();
        var returned = new ConcurrentHashMap<String, AtomicLong>();
        var failures = new AtomicInteger();
        var next = new AtomicInteger();
        int warmup = Math.min(2_000, requests / 5);
        run(connections, () -> {
            for (int i; (i = next.getAndIncrement()) < warmup + requests; ) {
                var random = ThreadLocalRandom.current();
                var kind = kinds.get(random.nextInt(kinds.size()));
                String name = kind.name();
                String url;
                var more = name.equals("next page (more)") ? moreLinks.poll() : null;
                if (name.equals("next page (more)")) {
                    if (more == null) {
                        name = "agent";
                        url = base + "/xapi/statements?" + kinds.getFirst().query().get();
                    } else {
                        url = base + more;
                    }
                } else {
                    url = base + "/xapi/statements?" + kind.query().get();
                }
                long t = System.nanoTime();
                var response = send(request(url).GET().build());
                long elapsed = System.nanoTime() - t;
                if (response.statusCode() != 200) {
                    if (failures.incrementAndGet() <= 3) {
                        System.err.println(response.statusCode() + " " + url + " " + response.body());
                    }
                    continue;
                }
                var body = response.body();
                if (name.equals("agent")) {
                    var m = MORE.matcher(body);
                    if (m.find() && moreLinks.size() < 1_000) {
                        moreLinks.add(m.group(1));
                    }
                }
                if (i >= warmup) {
                    latencies.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(elapsed);
                    returned.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(count(body));
                }
            }
        });
        var all = new ArrayList<Long>();
        System.out.printf("%-44s %8s %9s %8s %8s %8s%n", "filter (limit=100)", "requests", "avg-rows", "p50-ms",
                "p99-ms", "max-ms");
        for (var kind : kinds) {
            var list = latencies.get(kind.name());
            if (list == null) {
                continue;
            }
            all.addAll(list);
            var sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-44s %8d %9.1f %8.1f %8.1f %8.1f%n", kind.name(), sorted.length,
                    returned.get(kind.name()).get() / (double) sorted.length, percentile(sorted, 50),
                    percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }
        var sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-44s %8d %9s %8.1f %8.1f %8.1f%n", "all", sorted.length, "", percentile(sorted, 50),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        System.out.printf("query-p50-ms %.1f query-p99-ms %.1f failed %d%n", percentile(sorted, 50),
                percentile(sorted, 99), failures.get());
    }

    static List<Kind> kinds() {
        var kinds = new ArrayList<Kind>();
        kinds.add(new Kind("agent", () -> "agent=" + agent() + "&limit=100"));
        kinds.add(new Kind("agent + verb", () -> "agent=" + agent() + "&verb=" + verb() + "&limit=100"));
        kinds.add(new Kind("agent + verb + since", () -> "agent=" + agent() + "&verb=" + verb() + "&since="
                + enc(day(0, 300).toString()) + "&limit=100"));
        kinds.add(new Kind("agent + related_agents", () -> "agent=" + agent() + "&related_agents=true&limit=100"));
        kinds.add(new Kind("verb", () -> "verb=" + verb() + "&limit=100"));
        kinds.add(new Kind("verb + since + until (7 days)", () -> {
            var since = day(0, 358);
            return "verb=" + verb() + "&since=" + enc(since.toString()) + "&until="
                    + enc(since.plus(Duration.ofDays(7)).toString()) + "&limit=100";
        }));
        kinds.add(new Kind("activity", () -> "activity=" + enc(lesson()) + "&limit=100"));
        kinds.add(new Kind("activity (course) + related_activities", () -> "activity="
                + enc("https://sapere.example/courses/c" + ThreadLocalRandom.current().nextInt(100))
                + "&related_activities=true&limit=100"));
        kinds.add(new Kind("activity + verb + ascending", () -> "activity=" + enc(lesson()) + "&verb=" + verb()
                + "&ascending=true&limit=100"));
        kinds.add(new Kind("registration", () -> {
            int agent = 1 + ThreadLocalRandom.current().nextInt(50_000);
            int course = (agent * 37 + ThreadLocalRandom.current().nextInt(4) * 11) % 100;
            return "registration=" + registration(agent, course) + "&limit=100";
        }));
        kinds.add(new Kind("registration + agent + activity (related)", () -> {
            int agent = 1 + ThreadLocalRandom.current().nextInt(50_000);
            int course = (agent * 37 + ThreadLocalRandom.current().nextInt(4) * 11) % 100;
            return "registration=" + registration(agent, course) + "&agent=" + enc(mbox(agent)) + "&activity="
                    + enc("https://sapere.example/courses/c" + course) + "&related_activities=true&limit=100";
        }));
        kinds.add(new Kind("since + until (1 hour), ascending", () -> {
            var since = day(0, 364);
            return "since=" + enc(since.toString()) + "&until=" + enc(since.plus(Duration.ofHours(1)).toString())
                    + "&ascending=true&limit=100";
        }));
        kinds.add(new Kind("next page (more)", () -> ""));
        return kinds;
    }

    static String agent() {
        return enc(mbox(1 + ThreadLocalRandom.current().nextInt(50_000)));
    }

    static String mbox(int agent) {
        return "{\"mbox\":\"mailto:learner" + agent + "@example.org\"}";
    }

    /** A verb, uniformly among the 30: the rare ones are the slow ones. */
    static String verb() {
        return enc("http://adlnet.gov/expapi/verbs/" + VERBS[ThreadLocalRandom.current().nextInt(VERBS.length)]);
    }

    static String lesson() {
        var random = ThreadLocalRandom.current();
        return "https://sapere.example/courses/c" + random.nextInt(100) + "/lessons/l" + random.nextInt(20);
    }

    static Instant day(int from, int to) {
        var random = ThreadLocalRandom.current();
        return FIRST.plus(Duration.ofDays(from + random.nextInt(to - from))).plusSeconds(random.nextInt(86_400));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static int count(String body) {
        int n = 0;
        for (int i = body.indexOf("\"verb\":"); i >= 0; i = body.indexOf("\"verb\":", i + 1)) {
            n++;
        }
        return n;
    }

    // ---- plumbing

    interface Work {
        void run() throws Exception;
    }

    static void run(int connections, Work work) throws InterruptedException {
        var threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            threads[c] = Thread.ofVirtual().start(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (var thread : threads) {
            thread.join();
        }
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
