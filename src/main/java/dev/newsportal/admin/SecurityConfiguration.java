package dev.newsportal.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Search pages are public; everything under /admin and /api/admin needs the administrator.
 * Pages use a form sign-in with CSRF protection; the JSON API takes HTTP Basic for scripts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the command line has no web layer to protect
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, AuthenticationProvider administrator) throws Exception {
        // Stateless Basic auth without a WWW-Authenticate challenge: browsers never prompt, so never cache
        // credentials that a forged cross-site request could ride on; scripts send them explicitly.
        return http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(administrator)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationProvider administrator) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(l -> l.logoutSuccessUrl("/"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")))
                .authenticationProvider(administrator)
                .build();
    }

    @Bean
    AuthenticationProvider administrator(AdminProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = properties.password();
        String encoded;
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("No portal.admin.password configured. Generated administrator password for '{}': {}",
                    properties.username(), generated);
            encoded = encoder.encode(generated);
        } else {
            encoded = password.startsWith("{") ? password : encoder.encode(password);
        }
        // Only the hash stays in memory.
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername(properties.username()).password(encoded).roles("ADMIN").build()));
        dao.setPasswordEncoder(encoder);
        return new Throttled(dao, new LoginThrottle(properties.maxFailedLogins(), properties.lockout(), Clock.systemUTC()));
    }

    /** Refuses sign-in, even with the right password, while a user name at an address is locked out. */
    private record Throttled(AuthenticationProvider delegate, LoginThrottle throttle) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String name = authentication.getName() == null ? "" : authentication.getName();
            name = name.substring(0, Math.min(64, name.length())).toLowerCase(java.util.Locale.ROOT);
            String key = name + "@" + (authentication.getDetails() instanceof WebAuthenticationDetails d
                    ? d.getRemoteAddress() : "?");
            if (!throttle.attempt(key)) {
                throw new LockedException("Too many failed sign-ins; try again in "
                        + Math.max(1, throttle.lockedFor(key).toMinutes()) + " min");
            }
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(key);
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
