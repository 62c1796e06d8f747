package dev.newsportal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.newsportal.ingest.enrich.LanguageDetector;
import dev.newsportal.ingest.enrich.SourceAttributor;
import dev.newsportal.ingest.parse.FolderParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    FolderParser folderParser(IngestProperties properties) {
        return new FolderParser(properties.maxFileSize().toBytes());
    }

    @Bean
    Enricher enricher(IngestProperties properties) {
        List<Pattern> patterns = new ArrayList<>(SourceAttributor.parse(properties.sourcePatterns()));
        patterns.addAll(SourceAttributor.defaultPatterns());
        return new Enricher(new LanguageDetector(properties.languageThreshold()), new SourceAttributor(patterns));
    }
}
