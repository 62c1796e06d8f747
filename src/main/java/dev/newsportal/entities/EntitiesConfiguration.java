package dev.newsportal.entities;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EntityProperties.class)
class EntitiesConfiguration {

    /** Models are immutable and heavy (0.1-0.2 GB each): one set per JVM, whatever the number of application contexts. */
    private static final Map<String, Map<String, EntityExtractor>> MODELS = new ConcurrentHashMap<>();

    @Bean
    EntityRecognizer entityRecognizer(RegistryService registry, EntityProperties properties) {
        EntityRecognizer recognizer = new EntityRecognizer(registry.registry(), statistical(properties.modelsDir()));
        registry.onChange(recognizer::setRegistry);
        return recognizer;
    }

    static Map<String, EntityExtractor> statistical(Path modelsDir) {
        return MODELS.computeIfAbsent(String.valueOf(modelsDir), k -> {
            CoreNlpExtractor coreNlp = new CoreNlpExtractor(CoreNlpExtractor.DEFAULT_MODELS, modelsDir);
            Map<String, EntityExtractor> byLanguage = new HashMap<>();
            for (String language : CoreNlpExtractor.DEFAULT_MODELS.keySet()) {
                if (coreNlp.supports(language)) {
                    byLanguage.put(language, coreNlp);
                } else {
                    LoggerFactory.getLogger(EntitiesConfiguration.class)
                            .warn("No CoreNLP NER model for {}: registry names only", language);
                }
            }
            byLanguage.put("ja", new KuromojiExtractor());
            return Map.copyOf(byLanguage);
        });
    }
}
