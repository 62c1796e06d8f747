package dev.newsportal.admin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin page's actions for scripts (HTTP Basic). */
@RestController
@RequestMapping("/api/admin")
class AdminApiController {

    private final IngestService ingest;
    private final JobHistory history;
    private final IndexOverview overview;

    AdminApiController(IngestService ingest, JobHistory history, IndexOverview overview) {
        this.ingest = ingest;
        this.history = history;
        this.overview = overview;
    }

    @GetMapping("/overview")
    IndexOverview.Snapshot overview() {
        return overview.snapshot();
    }

    @GetMapping("/jobs")
    List<IngestJob.Status> jobs() throws IOException {
        return history.recent(50);
    }

    @GetMapping("/jobs/current")
    ResponseEntity<IngestJob.Status> current() {
        return ResponseEntity.of(ingest.current());
    }

    @PostMapping("/reindex")
    ResponseEntity<?> reindex() {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingest.startReindex());
        } catch (IngestService.JobRunningException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage(), "running", e.running()));
        }
    }

    @PostMapping("/cancel")
    ResponseEntity<Map<String, Boolean>> cancel() {
        boolean cancelled = ingest.cancel();
        return ResponseEntity.status(cancelled ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(Map.of("cancelled", cancelled));
    }
}
