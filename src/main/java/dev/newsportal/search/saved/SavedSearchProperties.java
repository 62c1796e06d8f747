package dev.newsportal.search.saved;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param index where saved searches are kept (created on first use from {@code es-mappings/saved-searches.json})
 */
@ConfigurationProperties("portal.saved")
public record SavedSearchProperties(@DefaultValue("portal-saved-searches") String index) {
}
