package dev.newsportal.web;

import dev.newsportal.admin.IndexOverview;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page; the search page proper replaces it in the search issue. */
@Controller
class HomeController {

    private final IndexOverview overview;

    HomeController(IndexOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("overview", overview.snapshot());
        return "index";
    }
}
