package dev.newsportal.search;

import java.util.Locale;
import java.util.Optional;

import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.RegistryService;
import org.springframework.stereotype.Component;

/**
 * How a facet value is shown in the UI language: language codes by their name (de → "German" / "Deutsch" /
 * "allemand" / "ドイツ語"), persons and companies by their registry label, from memory; and the way back from a
 * name typed in a query to the registry id.
 */
@Component
public class FacetLabels implements EntityNames {

    private final RegistryService registry;

    public FacetLabels(RegistryService registry) {
        this.registry = registry;
    }

    public String label(Facet facet, String value, Locale ui) {
        if (facet == Facet.LANGUAGE) {
            if ("und".equals(value)) {
                return "?";
            }
            String name = Locale.forLanguageTag(value).getDisplayLanguage(ui);
            return name.isEmpty() ? value : name;
        }
        if (facet == Facet.PERSON || facet == Facet.COMPANY) {
            return registry.label(value, ui);
        }
        return value;
    }

    @Override
    public Optional<String> resolve(String name, Facet facet) {
        return registry.resolve(name, facet == Facet.PERSON ? EntityType.PERSON : EntityType.COMPANY);
    }
}
