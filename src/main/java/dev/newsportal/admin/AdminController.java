package dev.newsportal.admin;

import java.util.List;

import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestService;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's page: what is in the index, the current job, the history, and the buttons. */
@Controller
class AdminController {

    private final IndexOverview overview;
    private final IngestService ingest;
    private final JobHistory history;

    AdminController(IndexOverview overview, IngestService ingest, JobHistory history) {
        this.overview = overview;
        this.ingest = ingest;
        this.history = history;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("loginError", failure instanceof LockedException ? "login.locked" : "login.failed");
        }
        return "login";
    }

    @GetMapping("/admin")
    String overview(Model model) {
        model.addAttribute("overview", overview.snapshot());
        model.addAttribute("job", ingest.current().or(ingest::last).orElse(null));
        List<IngestJob.Status> jobs;
        try {
            jobs = history.recent(20);
        } catch (Exception e) {
            jobs = List.of();
            model.addAttribute("historyError", e.getMessage());
        }
        model.addAttribute("history", jobs);
        return "admin/overview";
    }

    @PostMapping("/admin/reindex")
    String reindex(RedirectAttributes flash) {
        try {
            ingest.startReindex();
            flash.addFlashAttribute("notice", "admin.reindex.started");
        } catch (IngestService.JobRunningException running) {
            flash.addFlashAttribute("notice", "admin.reindex.alreadyRunning");
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/cancel")
    String cancel(RedirectAttributes flash) {
        flash.addFlashAttribute("notice", ingest.cancel() ? "admin.cancel.requested" : "admin.cancel.nothing");
        return "redirect:/admin";
    }

    /** Polled by the page while a job runs. */
    @GetMapping("/admin/job")
    @ResponseBody
    IngestJob.Status job() {
        return ingest.current().or(ingest::last).orElse(null);
    }
}
