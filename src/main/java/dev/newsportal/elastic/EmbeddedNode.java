package dev.newsportal.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A single Elasticsearch node run as a child process, with our analysis plugin installed.
 * <p>
 * Plain Java on purpose: the application and the test suite start nodes the same way.
 * The node is tied to this JVM three ways: a clean stop, a shutdown hook, and a parent-death
 * signal (setpriv --pdeathsig) for when the JVM is killed outright.
 */
public final class EmbeddedNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNode.class);
    private static final String PLUGIN_NAME = "newsportal-analysis";
    /** Where the node itself writes; with a root portal, the only places its user owns. */
    private static final List<String> WRITABLE = List.of("data", "logs", "tmp", "run");

    public enum State { NEW, PREPARING, STARTING, RUNNING, FAILED, STOPPED }

    /**
     * @param directory   working directory: unpacked distribution, data, logs, temp files
     * @param runAsUser   used only when this JVM runs as root, which Elasticsearch refuses
     */
    public record Settings(Path distribution, Path pluginZip, Path directory, int httpPort, int transportPort,
                           String heap, String runAsUser, Duration startupTimeout) {
    }

    private final Settings settings;
    private final Path home;
    private final Path pidFile;
    private volatile int httpPort;
    private volatile int transportPort;
    private volatile State state = State.NEW;
    private volatile String failure;
    private volatile Process process;
    private volatile boolean stopping;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean attached;
    private final Thread shutdownHook = new Thread(this::stop, "embedded-elasticsearch-shutdown");

    public EmbeddedNode(Settings settings) {
        this.settings = settings;
        Path directory = settings.directory().toAbsolutePath().normalize();
        this.home = directory.resolve("dist").resolve(distributionName(settings.distribution()));
        this.pidFile = directory.resolve("run").resolve("elasticsearch.pid");
    }

    /** Chooses ports and starts the node in the background; {@link #awaitReady} waits for it. */
    public synchronized EmbeddedNode start() {
        if (state == State.PREPARING || state == State.STARTING || state == State.RUNNING) {
            return this;
        }
        Optional<Integer> shared = nodeOfLiveOwner();
        if (shared.isPresent()) {
            // Another live portal process (e.g. the running portal, seen from the command line) owns it.
            attached = true;
            httpPort = shared.get();
            state = State.RUNNING;
            ready.complete(null);
            log.info("Using the embedded Elasticsearch already running at {}", httpUri());
            return this;
        }
        if (httpPort == 0) {
            httpPort = portOrFree(settings.httpPort());
            transportPort = portOrFree(settings.transportPort());
        }
        stopping = false;
        failure = null;
        ready = new CompletableFuture<>();
        state = State.PREPARING;
        // The launching thread lives as long as the node: the parent-death signal is per thread.
        Thread keeper = new Thread(this::runNode, "embedded-elasticsearch");
        keeper.setDaemon(true);
        keeper.start();
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException alreadyAdded) {
            // restart after kill(): the hook is still registered
        }
        return this;
    }

    public EmbeddedNode awaitReady() {
        return awaitReady(settings.startupTimeout());
    }

    public EmbeddedNode awaitReady(Duration timeout) {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Elasticsearch did not become ready within " + timeout
                    + "; see " + logFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public State state() {
        return state;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<Long> pid() {
        Process p = process;
        return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
    }

    /** The launcher and the server JVM it forked. */
    public List<ProcessHandle> processes() {
        Process p = process;
        if (p == null) {
            return List.of();
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(p.toHandle());
        p.descendants().forEach(all::add);
        return all;
    }

    /** In the directory only this JVM's user may write, so the node's user cannot redirect it. */
    public Path logFile() {
        return directory().resolve("console.log");
    }

    /** Stops the node cleanly (SIGTERM), forcibly after 30 seconds. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // JVM already shutting down, or never started
        }
    }

    public void stop() {
        if (attached) {
            return;
        }
        Process p;
        synchronized (this) {
            stopping = true;
            p = process;
        }
        if (p == null) {
            state = State.STOPPED;
            return;
        }
        List<ProcessHandle> all = processes();
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("Elasticsearch did not stop within 30 s; killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all);
        state = State.STOPPED;
    }

    /** Kills the node without warning, as a crash would (tests use it). */
    public void kill() {
        stopping = true;
        List<ProcessHandle> all = processes();
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all);
        state = State.STOPPED;
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        for (ProcessHandle h : processes) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("process {} did not exit: {}", h.pid(), e.toString());
            }
        }
    }

    private Path directory() {
        return settings.directory().toAbsolutePath().normalize();
    }

    private void runNode() {
        try {
            prepare();
            state = State.STARTING;
            ProcessBuilder builder = processBuilder();
            log.info("Starting embedded Elasticsearch on {} (logs: {})", httpUri(), logFile());
            long started = System.nanoTime();
            synchronized (this) {
                if (stopping) {
                    return; // stopped while preparing: never launch
                }
                process = builder.start();
            }
            Files.writeString(ownerFile(), ProcessHandle.current().pid() + " " + httpPort);
            CompletableFuture.runAsync(this::waitUntilHealthy).whenComplete((ok, error) -> {
                if (error == null) {
                    state = State.RUNNING;
                    log.info("Embedded Elasticsearch ready at {} after {} s", httpUri(),
                            (System.nanoTime() - started) / 1_000_000_000);
                    ready.complete(null);
                } else {
                    fail(error.getCause() != null ? error.getCause().getMessage() : error.getMessage());
                }
            });
            int exit = process.waitFor();
            if (!stopping) {
                fail("Elasticsearch exited unexpectedly with code " + exit + "; last log lines:\n" + logTail());
            }
        } catch (Exception e) {
            log.error("Embedded Elasticsearch could not start", e);
            fail(e.toString());
        }
    }

    private void fail(String reason) {
        if (state == State.STOPPED || stopping) {
            return;
        }
        failure = reason;
        state = State.FAILED;
        log.error("Embedded Elasticsearch: {}", reason);
        ready.completeExceptionally(new IllegalStateException(reason));
    }

    private void waitUntilHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = httpUri().resolve("/_cluster/health?wait_for_status=yellow&timeout=2s");
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited during start-up; last log lines:\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Elasticsearch did not become ready within " + settings.startupTimeout()
                + "; see " + logFile());
    }

    // ---- preparation -------------------------------------------------------------------------

    private void prepare() throws IOException, InterruptedException {
        Path directory = directory();
        Files.createDirectories(directory);
        killStaleNode();
        unpackDistribution();
        installPlugin();
        if (!Files.exists(home.resolve("config/elasticsearch.keystore"))) {
            runTool(List.of(home.resolve("bin/elasticsearch-keystore").toString(), "create"));
        }
        for (String sub : WRITABLE) {
            Files.createDirectories(directory.resolve(sub));
        }
        Files.writeString(home.resolve("config/elasticsearch.yml"), configuration(), StandardCharsets.UTF_8);
        Files.deleteIfExists(pidFile);
        if (RunAs.isRoot()) {
            // The node's user may write only where the node writes; the programs root runs stay root's.
            RunAs user = RunAs.lookup(settings.runAsUser());
            user.requireTraversable(directory);
            RunAs.ROOT.ownReadableByAll(directory, WRITABLE);
            for (String sub : WRITABLE) {
                user.own(directory.resolve(sub));
            }
        }
    }

    private String configuration() {
        Path directory = directory();
        return String.join("\n",
                "# Written by the portal at every start; edit portal.elasticsearch.embedded.* instead.",
                "cluster.name: newsportal-embedded",
                "node.name: embedded",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + yamlString(directory.resolve("data")),
                "path.logs: " + yamlString(directory.resolve("logs")),
                "xpack.security.enabled: false",
                // A laptop with a nearly full disk must not turn the index read-only.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: true",
                "");
    }

    private static String yamlString(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Path ownerFile() {
        return directory().resolve("owner");
    }

    /** The HTTP port of a node in this directory whose owning JVM is still alive. */
    private Optional<Integer> nodeOfLiveOwner() {
        try {
            String[] owner = Files.readString(ownerFile()).trim().split(" ");
            long ownerPid = Long.parseLong(owner[0]);
            boolean nodeAlive = Files.exists(pidFile) && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .map(ProcessHandle::isAlive).orElse(false);
            if (ownerPid != ProcessHandle.current().pid() && nodeAlive
                    && ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(Integer.parseInt(owner[1]));
            }
        } catch (IOException | RuntimeException noOwner) {
            // no node, or one whose portal is gone: start our own
        }
        return Optional.empty();
    }

    /** A node left behind by a crashed portal holds the data directory lock: stop it first. */
    private void killStaleNode() throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).trim();
        try {
            ProcessHandle.of(Long.parseLong(text))
                    .filter(h -> h.info().commandLine().orElse("").contains("elasticsearch"))
                    .ifPresent(h -> {
                        log.warn("Stopping a stale embedded Elasticsearch (pid {})", h.pid());
                        List<ProcessHandle> all = new ArrayList<>();
                        all.add(h);
                        h.descendants().forEach(all::add);
                        h.destroy();
                        try {
                            h.onExit().get(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            all.forEach(ProcessHandle::destroyForcibly);
                        }
                        awaitExit(all);
                    });
        } catch (NumberFormatException ignored) {
            // not a pid file of ours
        }
        Files.deleteIfExists(pidFile);
    }

    private void unpackDistribution() throws IOException {
        if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return;
        }
        Path zip = settings.distribution();
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch distribution not found: " + zip
                    + " (run ./mvnw package once, or set portal.elasticsearch.embedded.distribution)");
        }
        log.info("Unpacking {} (first start only)", zip);
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        FileSystemUtils.deleteRecursively(staging);
        Files.createDirectories(staging);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1); // strip elasticsearch-x.y.z/
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    // java.util.zip drops Unix modes; only the launch scripts need the execute bit.
                    if (target.getParent().getFileName().toString().equals("bin")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Installs (or replaces) our plugin whenever the zip differs from the installed one. */
    private void installPlugin() throws IOException, InterruptedException {
        Path zip = settings.pluginZip();
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new IllegalStateException("Analysis plugin zip not found: " + zip);
        }
        String checksum = digest(zip, "SHA-256");
        Path marker = home.resolve(PLUGIN_NAME + ".sha256");
        Path installed = home.resolve("plugins").resolve(PLUGIN_NAME);
        if (Files.isDirectory(installed) && Files.exists(marker) && Files.readString(marker).equals(checksum)) {
            return;
        }
        FileSystemUtils.deleteRecursively(installed);
        log.info("Installing the {} plugin", PLUGIN_NAME);
        runTool(List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                zip.toUri().toString()));
        Files.writeString(marker, checksum);
    }

    private void runTool(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        environment(builder.environment());
        builder.environment().put("CLI_JAVA_OPTS", "-Xmx512m");
        Process tool = builder.start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private ProcessBuilder processBuilder() throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            command.add("/usr/bin/setpriv");
            if (RunAs.isRoot()) {
                command.addAll(RunAs.lookup(settings.runAsUser()).setprivArguments());
            }
            command.addAll(List.of("--pdeathsig", "TERM", "--"));
        } else if (RunAs.isRoot()) {
            throw new IllegalStateException("Running as root needs setpriv (util-linux) to start Elasticsearch "
                    + "as " + settings.runAsUser());
        }
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-p", pidFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory().toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        environment(env);
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        Path log = logFile();
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder;
    }

    private void environment(Map<String, String> env) {
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", directory().toString());
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_TMPDIR", directory().resolve("tmp").toString());
        env.put("LANG", "C.UTF-8");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ---- small helpers -----------------------------------------------------------------------

    static String distributionName(Path zip) {
        if (zip == null) {
            return "elasticsearch";
        }
        String name = zip.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /** The configured port when it is free, otherwise one the OS picks. */
    static int portOrFree(int preferred) {
        if (preferred > 0 && isFree(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Elasticsearch binds: a port in TIME_WAIT is usable
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String digest(Path file, String algorithm) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
