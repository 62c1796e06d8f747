package dev.newsportal.entities;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Country and territory names in the portal's languages, from the JDK's locale data (CLDR): a recogniser's person or
 * organisation that is exactly one of these is a place ("Colombia", "Perú", "Suecia" as organisations).
 */
public final class PlaceNames {

    private static final Set<String> NAMES = build();

    private PlaceNames() {
    }

    /** Whether the name, {@link NameNormalizer#basic normalised}, is a country or territory name. */
    public static boolean isCountry(String name) {
        String key = NameNormalizer.basic(name);
        if (NAMES.contains(key)) {
            return true;
        }
        // "la Argentina", "the Netherlands", "die Schweiz"
        int space = key.indexOf(' ');
        return space > 0 && Set.of("the", "la", "el", "le", "les", "die", "der", "los", "las").contains(key.substring(0, space))
                && NAMES.contains(key.substring(space + 1));
    }

    private static Set<String> build() {
        Set<String> names = new HashSet<>();
        Locale[] languages = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"),
                Locale.forLanguageTag("it"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"), Locale.JAPANESE};
        for (String country : Locale.getISOCountries()) {
            Locale region = new Locale.Builder().setRegion(country).build();
            for (Locale language : languages) {
                String name = region.getDisplayCountry(language);
                if (!name.isBlank() && !name.equalsIgnoreCase(country)) {
                    names.add(NameNormalizer.basic(name));
                }
            }
        }
        for (String extra : new String[] {"Europa", "Europe", "Afrika", "Africa", "Afrique", "África", "Asien", "Asia",
                "Asie", "Amerika", "America", "Amérique", "América", "Australien", "Australia", "Australie",
                "Antarktis", "Antarctica", "Antarctique", "Antártida", "Ozeanien", "Oceania", "Océanie",
                "Nordamerika", "North America", "Amérique du Nord", "América del Norte", "Südamerika", "South America",
                "Amérique du Sud", "América del Sur", "Latinoamérica", "Lateinamerika", "Latin America",
                "Amérique latine", "Estados Unidos", "USA", "EE. UU.", "EE.UU.", "UK", "Großbritannien",
                "Great Britain", "Grande-Bretagne", "Gran Bretaña", "England", "Angleterre", "Inglaterra", "Schottland",
                "Scotland", "Écosse", "Escocia", "Wales", "Pays de Galles", "Gales"}) {
            names.add(NameNormalizer.basic(extra));
        }
        return Set.copyOf(names);
    }

    static int size() {
        return NAMES.size();
    }

    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
