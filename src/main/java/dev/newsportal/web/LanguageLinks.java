package dev.newsportal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The switcher's links: this very page (search state included) in each UI language. */
@ControllerAdvice
class LanguageLinks {

    record Link(String code, String url, boolean current) {
    }

    @ModelAttribute("languageLinks")
    List<Link> languageLinks(HttpServletRequest request, Locale locale) {
        return LocaleConfiguration.UI_LANGUAGES.stream().map(code -> new Link(code,
                ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", code).build().toUriString(),
                code.equals(locale.getLanguage()))).toList();
    }
}
