package dev.newsportal.search;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How a facet value is shown in the UI language: language codes by their name
 * (de → "German" / "Deutsch" / "allemand" / "ドイツ語"); other values as they are until the
 * entity registry supplies labels.
 */
@Component
public class FacetLabels {

    public String label(Facet facet, String value, Locale ui) {
        if (facet == Facet.LANGUAGE) {
            if ("und".equals(value)) {
                return "?";
            }
            String name = Locale.forLanguageTag(value).getDisplayLanguage(ui);
            return name.isEmpty() ? value : name;
        }
        return value;
    }
}
