package dev.newsportal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the layout shows on every page: the language switcher and whether the administrator is signed in
 * (a plain flag rather than {@code sec:authorize}, which parses a security expression on every render).
 */
@ControllerAdvice
class LayoutModel {

    private static final AuthenticationTrustResolverImpl TRUST = new AuthenticationTrustResolverImpl();

    public record Link(String code, String url, boolean current) {
    }

    /** This very page (search state included) in each UI language. */
    @ModelAttribute("languageLinks")
    List<Link> languageLinks(HttpServletRequest request, Locale locale) {
        return LocaleConfiguration.UI_LANGUAGES.stream().map(code -> new Link(code,
                ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", code).build().toUriString(),
                code.equals(locale.getLanguage()))).toList();
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
    }
}
