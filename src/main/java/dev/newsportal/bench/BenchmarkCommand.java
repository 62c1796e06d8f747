package dev.newsportal.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dev.newsportal.elastic.ClusterReady;
import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.search.FacetLabels;
import dev.newsportal.search.SearchRequestFactory;
import dev.newsportal.search.SearchState;
import dev.newsportal.search.query.QueryParser;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar newsportal.jar benchmark [--corpus=DIR] [--docs=N] [--queries=N] [--warm-up=N] [--out=FILE]}: starts the
 * portal (web server on a random port) against throw-away indices ({@value #ALIAS}, {@value #ENTITIES}, …, all
 * deleted at the end, so the live index is never touched), indexes a round-robin sample of the corpus, waits for
 * the entity stage, then times searches three ways: the raw Elasticsearch request of the page, the page over HTTP,
 * and the JSON API. One JSON object per line on stdout, a summary on stderr (the portal's log goes there too).
 * Exit code 0, or 2 when the benchmark itself failed.
 */
public final class BenchmarkCommand {

    static final String ALIAS = "bench-news";
    static final String ENTITIES = "bench-entities";
    private static final String JOBS = "bench-jobs";
    private static final String SAVED = "bench-saved-searches";
    /** The target: the page within this factor of the raw Elasticsearch request. */
    static final double TARGET_RATIO = 1.5;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Words a query is made of: Latin-script words of four letters or more, runs of kanji or katakana. */
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{4,}|\\p{IsHan}{2,}|[\\p{IsKatakana}ー]{3,}");

    private final PrintStream out;
    private final List<String> lines = new ArrayList<>();

    private BenchmarkCommand(PrintStream out) {
        this.out = out;
    }

    /** A sampled article: its language and the words of its title (or its first sentence when untitled). */
    record Article(String language, List<String> words) {
    }

    /** One benchmark query: the page's parameters. */
    record Query(String q, String language) {
        Map<String, String[]> parameters() {
            Map<String, String[]> p = new HashMap<>();
            p.put("q", new String[] {q});
            if (language != null) {
                p.put("language", new String[] {language});
            }
            return p;
        }
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        Path corpus = Path.of("../shared/corpus");
        int docs = 2000;
        int queries = 200;
        int warmUp = 1000;
        Path outFile = null;
        List<String> springArgs = new ArrayList<>();
        try {
            for (String arg : args) {
                if (arg.startsWith("--corpus=")) {
                    corpus = Path.of(arg.substring("--corpus=".length()));
                } else if (arg.startsWith("--docs=")) {
                    docs = Integer.parseInt(arg.substring("--docs=".length()));
                } else if (arg.startsWith("--queries=")) {
                    queries = Integer.parseInt(arg.substring("--queries=".length()));
                } else if (arg.startsWith("--warm-up=")) {
                    warmUp = Integer.parseInt(arg.substring("--warm-up=".length()));
                } else if (arg.startsWith("--out=")) {
                    outFile = Path.of(arg.substring("--out=".length()));
                } else if (arg.startsWith("--")) {
                    springArgs.add(arg);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            if (docs < 1 || queries < 1 || warmUp < 0) {
                throw new IllegalArgumentException("--docs and --queries must be at least 1, --warm-up at least 0");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: benchmark [--corpus=DIR] [--docs=N] [--queries=N] [--warm-up=N] [--out=FILE] [--spring.property=...]");
            return 2;
        }
        BenchmarkCommand bench = new BenchmarkCommand(out);
        PrintStream stdout = System.out;
        System.setOut(System.err); // the portal's console log must not mix with the JSON lines
        try {
            bench.run(application, corpus, docs, queries, warmUp, springArgs);
            return 0;
        } catch (Exception e) {
            System.err.println("Benchmark failed: " + e);
            e.printStackTrace(System.err);
            return 2;
        } finally {
            System.setOut(stdout);
            if (outFile != null) {
                try {
                    Files.write(outFile, bench.lines, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    System.err.println("Could not write " + outFile + ": " + e);
                }
            }
        }
    }

    private void run(Class<?> application, Path corpus, int docs, int queryCount, int warmUp, List<String> springArgs)
            throws Exception {
        Path sample = Files.createTempFile("newsportal-bench-", ".jsonl");
        try {
            List<Article> articles = sampleCorpus(corpus, docs, sample);
            List<Query> queries = queries(articles, queryCount, new Random(42));
            // Highest precedence (above arguments and environment): the benchmark's indices are never the live ones.
            Map<String, Object> forced = Map.of("portal.ingest.alias", ALIAS, "portal.entities.index", ENTITIES,
                    "portal.admin.jobs-index", JOBS, "portal.saved.index", SAVED,
                    "portal.ingest.index-on-first-start", "false", "portal.admin.mark-interrupted", "false",
                    "server.port", "0");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.SERVLET)
                    .properties("spring.main.banner-mode=off")
                    .initializers(c -> c.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("benchmark", forced)))
                    .run(springArgs.toArray(String[]::new))) {
                ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
                try {
                    ClusterReady.await(context);
                    deleteBenchIndices(client); // leftovers of a benchmark that was killed
                    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
                    measure(context, client, sample, articles.size(), queries, warmUp, port);
                } finally {
                    context.getBean(EntityStage.class).stop();
                    deleteBenchIndices(client);
                }
            }
        } finally {
            Files.deleteIfExists(sample);
        }
    }

    private void measure(ConfigurableApplicationContext context, ElasticsearchClient client, Path sample,
                         int sampled, List<Query> queries, int warmUp, int port) throws Exception {
        // 1. indexing
        IngestService ingest = context.getBean(IngestService.class);
        long start = System.nanoTime();
        IngestJob.Status status = ingest.update(List.of(new IngestProperties.Source("bench", sample)));
        double indexSeconds = seconds(start);
        if (status.outcome() != IngestJob.Outcome.SUCCEEDED) {
            throw new IllegalStateException("indexing " + status.outcome() + ": " + status.message());
        }
        emit(row("indexing", "documents", status.indexed(), "sampled", sampled, "skipped", status.skipped(),
                "failed", status.failed(), "seconds", round(indexSeconds),
                "documentsPerSecond", round(status.indexed() / indexSeconds)));

        // 2. entity stage (it starts on the first documents while indexing still runs)
        EntityStage stage = context.getBean(EntityStage.class);
        long indexed = System.nanoTime();
        boolean idle = stage.awaitIdle(60, TimeUnit.MINUTES);
        double stageSeconds = seconds(start);
        EntityStage.Status entities = stage.status();
        emit(row("entities", "documents", entities.done() + entities.failed(), "failed", entities.failed(),
                "idle", idle, "seconds", round(stageSeconds), "secondsAfterIndexing", round(seconds(indexed)),
                "documentsPerSecond", round((entities.done() + entities.failed()) / stageSeconds)));

        // 3. search latency: raw request, page over HTTP, JSON API, interleaved; unmeasured warm-up rounds first, at
        // least warmUp requests of each kind, so that the steady state is measured, not the JIT compiling the page
        SearchRequestFactory requests = new SearchRequestFactory(ALIAS, context.getBean(FacetLabels.class));
        String base = "http://127.0.0.1:" + port;
        Latencies raw = new Latencies();
        Latencies page = new Latencies();
        Latencies api = new Latencies();
        int warmUpRounds = (warmUp + queries.size() - 1) / queries.size();
        for (int round = 0; round <= warmUpRounds; round++) {
            boolean measured = round == warmUpRounds;
            for (Query query : queries) {
                SearchState state = SearchState.fromParameters(query.parameters());
                long t = System.nanoTime();
                SearchRequest request = requests.build(state, QueryParser.parse(state.q()));
                client.search(request, Map.class);
                long rawNanos = System.nanoTime() - t;
                long pageNanos = get(base + state.href());
                long apiNanos = get(base + "/api/search?" + state.toQueryString());
                if (measured) {
                    raw.add(rawNanos);
                    page.add(pageNanos);
                    api.add(apiNanos);
                }
            }
        }
        long filtered = queries.stream().filter(q -> q.language() != null).count();
        emit(search("raw", raw, filtered));
        emit(search("page", page, filtered));
        emit(search("api", api, filtered));
        double p50 = page.percentileMillis(50) / raw.percentileMillis(50);
        double p95 = page.percentileMillis(95) / raw.percentileMillis(95);
        emit(row("ratio", "pageOverRawP50", round(p50), "pageOverRawP95", round(p95),
                "apiOverRawP50", round(api.percentileMillis(50) / raw.percentileMillis(50)),
                "apiOverRawP95", round(api.percentileMillis(95) / raw.percentileMillis(95)),
                "target", TARGET_RATIO, "met", p50 <= TARGET_RATIO && p95 <= TARGET_RATIO,
                "warmUpRequests", warmUpRounds * queries.size()));

        // 4. memory
        System.gc();
        Runtime rt = Runtime.getRuntime();
        emit(row("memory", "heapUsedAfterGcMb", mb(rt.totalMemory() - rt.freeMemory()),
                "heapCommittedMb", mb(rt.totalMemory()), "heapMaxMb", mb(rt.maxMemory()),
                "rssMb", rssKb() < 0 ? null : round(rssKb() / 1024.0), "pid", ManagementFactory.getRuntimeMXBean().getPid()));

        System.err.printf("%nBenchmark: %d documents indexed in %.1f s (%.0f/s); entities done %.1f s after the start"
                        + " (%.1f documents/s)%n", status.indexed(), indexSeconds, status.indexed() / indexSeconds,
                stageSeconds, (entities.done() + entities.failed()) / stageSeconds);
        System.err.printf("%d queries (%d with a language filter), p50 / p95 ms: raw %.1f / %.1f, page %.1f / %.1f,"
                        + " api %.1f / %.1f; page/raw %.2fx / %.2fx (target %.1fx: %s)%n", raw.count(), filtered,
                raw.percentileMillis(50), raw.percentileMillis(95), page.percentileMillis(50), page.percentileMillis(95),
                api.percentileMillis(50), api.percentileMillis(95), p50, p95, TARGET_RATIO,
                p50 <= TARGET_RATIO && p95 <= TARGET_RATIO ? "met" : "missed");
        System.err.printf("Heap after GC %d MB, RSS %d MB%n", mb(rt.totalMemory() - rt.freeMemory()), rssKb() / 1024);
    }

    /**
     * A GET whose whole body is read; its time in nanoseconds. A plain blocking connection, kept alive between
     * requests: the JDK's asynchronous HttpClient adds its own 0.3 to 0.6 ms of thread hand-offs per request here,
     * which is the instrument's time, not the page's.
     */
    private static long get(String url) throws IOException {
        long t = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Accept-Language", "en");
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        long elapsed = System.nanoTime() - t;
        if (status != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + status);
        }
        return elapsed;
    }

    /**
     * Takes {@code docs} records round-robin across the corpus's news-*.jsonl.gz files (read as they are) and
     * writes them to {@code sample}, one per line; returns what the queries are made from.
     */
    static List<Article> sampleCorpus(Path corpus, int docs, Path sample) throws IOException {
        List<Path> files;
        try (var list = Files.list(corpus)) {
            files = list.filter(p -> p.getFileName().toString().matches("news-.*\\.jsonl\\.gz")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no news-*.jsonl.gz in " + corpus.toAbsolutePath().normalize());
        }
        List<BufferedReader> readers = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        try (BufferedWriter writer = Files.newBufferedWriter(sample, StandardCharsets.UTF_8)) {
            for (Path file : files) {
                readers.add(new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                        StandardCharsets.UTF_8)));
            }
            List<BufferedReader> open = new ArrayList<>(readers);
            while (articles.size() < docs && !open.isEmpty()) {
                for (var it = open.iterator(); it.hasNext() && articles.size() < docs; ) {
                    String line = it.next().readLine();
                    if (line == null) {
                        it.remove();
                    } else if (!line.isBlank()) {
                        JsonNode record = JSON.readTree(line);
                        String title = text(record, "title");
                        articles.add(new Article(text(record, "lang"), words(title.isBlank() ? text(record, "body") : title)));
                        writer.write(line);
                        writer.newLine();
                    }
                }
            }
        } finally {
            for (BufferedReader reader : readers) {
                reader.close();
            }
        }
        return articles;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        return value.isString() ? value.asString() : "";
    }

    /** The query words of a title: Latin words of four letters or more, kanji runs (at most four) and katakana runs. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.length() > 300 ? text.substring(0, 300) : text);
        while (m.find()) {
            String w = m.group();
            words.add(Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.HAN && w.length() > 4
                    ? w.substring(0, 4) : w);
        }
        return words;
    }

    /** One or two words of a random article's title; every fourth query also filters by that article's language. */
    static List<Query> queries(List<Article> articles, int count, Random random) {
        List<Article> usable = articles.stream().filter(a -> !a.words().isEmpty()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no article has a title word to search for");
        }
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Article a = usable.get(random.nextInt(usable.size()));
            String q = a.words().get(random.nextInt(a.words().size()));
            if (random.nextBoolean() && a.words().size() > 1) {
                q += " " + a.words().get(random.nextInt(a.words().size()));
            }
            boolean filter = i % 4 == 3 && !a.language().isBlank();
            queries.add(new Query(q, filter ? a.language() : null));
        }
        return queries;
    }

    private void deleteBenchIndices(ElasticsearchClient client) {
        try {
            List<String> names = new ArrayList<>(client.indices().get(g -> g
                    .index(ALIAS + "-*", ENTITIES, JOBS, SAVED).allowNoIndices(true).ignoreUnavailable(true)
                    .expandWildcards(ExpandWildcard.All)).result().keySet());
            if (!names.isEmpty()) {
                client.indices().delete(d -> d.index(names).ignoreUnavailable(true));
            }
        } catch (Exception e) {
            System.err.println("Could not delete the benchmark's indices: " + e);
        }
    }

    private static Map<String, Object> search(String endpoint, Latencies latencies, long filtered) {
        Map<String, Object> row = row("search", "endpoint", endpoint, "withLanguageFilter", filtered);
        row.putAll(latencies.summary());
        return row;
    }

    private static Map<String, Object> row(String step, Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    private void emit(Map<String, Object> row) {
        String line = JSON.writeValueAsString(row);
        lines.add(line);
        out.println(line);
        out.flush();
    }

    /** The resident set size of this process in kB, from /proc (-1 where there is none). */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static double round(double value) {
        return Latencies.round(value);
    }
}
