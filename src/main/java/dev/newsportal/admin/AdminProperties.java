package dev.newsportal.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param password         plain, or already encoded ({@code {bcrypt}...}); when empty a random one is
 *                         generated at start-up and logged once
 * @param maxFailedLogins  failed sign-ins from one address for one user before it is locked out
 * @param lockout          how long such a lock lasts
 * @param jobsIndex        where the ingestion job history is kept
 * @param markInterrupted  at start, mark jobs still "running" in the history as interrupted (off for the
 *                         command line, which runs beside a live portal)
 */
@ConfigurationProperties("portal.admin")
public record AdminProperties(
        @DefaultValue("admin") String username,
        String password,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("portal-jobs") String jobsIndex,
        @DefaultValue("true") boolean markInterrupted) {
}
