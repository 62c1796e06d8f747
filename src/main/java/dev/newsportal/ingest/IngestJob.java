package dev.newsportal.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live progress of one ingestion job; {@link #status()} gives a consistent snapshot for pages and APIs.
 */
public final class IngestJob {

    public enum Kind { REINDEX, UPDATE }

    public enum Outcome { RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED }

    /** A file, line or document that did not make it into the index, and why. */
    public record Problem(String locator, String reason) {
    }

    /** Immutable view of a job. */
    public record Status(String id, Kind kind, Outcome outcome, Instant started, Instant finished, String targetIndex,
                         long expected, long filesSeen, long indexed, long skipped, long failed, double docsPerSecond,
                         long elapsedMillis, String message, List<Problem> problems, int problemsOmitted) {

        public boolean running() {
            return outcome == Outcome.RUNNING;
        }

        /** 0–100 against the expected document count, or -1 when there is nothing to compare with. */
        public int percent() {
            if (!running()) {
                return 100;
            }
            return expected <= 0 ? -1 : (int) Math.min(99, (indexed + failed) * 100 / expected);
        }

        /** Estimated milliseconds left, or -1 when unknown. */
        public long remainingMillis() {
            long done = indexed + failed;
            if (!running() || expected <= 0 || done == 0 || done >= expected) {
                return -1;
            }
            return (long) ((expected - done) * (double) elapsedMillis / done);
        }
    }

    /** Enough to fix the input; a folder of millions of bad files must not fill the heap. */
    static final int MAX_PROBLEMS = 1000;

    private final String id = UUID.randomUUID().toString();
    private final Kind kind;
    private final Instant started = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final AtomicLong filesSeen = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Problem> problems = new ArrayList<>();
    private int problemsOmitted;
    private volatile String targetIndex;
    private volatile long expected;
    private volatile Outcome outcome = Outcome.RUNNING;
    private volatile Instant finished;
    private volatile String message;
    private volatile boolean cancelRequested;

    IngestJob(Kind kind) {
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    void fileSeen() {
        filesSeen.incrementAndGet();
    }

    void indexed(long n) {
        indexed.addAndGet(n);
    }

    void skipped(String locator, String reason) {
        skipped.incrementAndGet();
        problem(locator, reason);
    }

    void failed(String locator, String reason) {
        failed.incrementAndGet();
        problem(locator, reason);
    }

    void warning(String locator, String reason) {
        problem(locator, "warning: " + reason);
    }

    private synchronized void problem(String locator, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(locator, reason));
        } else {
            problemsOmitted++;
        }
    }

    /** The document count of the live index before the job: what a rebuild will roughly reach. */
    void expected(long documents) {
        this.expected = documents;
    }

    /** Documents acknowledged either way, cheaply (no snapshot). */
    long done() {
        return indexed.get() + failed.get();
    }

    void targetIndex(String index) {
        this.targetIndex = index;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void finish(Outcome outcome, String message) {
        this.message = message;
        this.finished = Instant.now();
        this.outcome = outcome;
    }

    public synchronized Status status() {
        long elapsed = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        if (finished != null) {
            elapsed = Duration.between(started, finished).toMillis();
        }
        double rate = elapsed == 0 ? 0 : indexed.get() * 1000.0 / elapsed;
        return new Status(id, kind, outcome, started, finished, targetIndex, expected, filesSeen.get(), indexed.get(),
                skipped.get(), failed.get(), Math.round(rate * 10) / 10.0, elapsed, message, List.copyOf(problems),
                problemsOmitted);
    }
}
