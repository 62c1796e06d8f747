package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole recogniser with the real CoreNLP and kuromoji models (loaded once: a few seconds per language). */
class EntityRecognizerTest {

    static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = EntityRecognizer.withDefaultModels(EntityRegistry.starter(), null);
        assertThat(recognizer.statisticalLanguages()).contains("en", "de", "fr", "es", "ja");
    }

    static Set<String> keys(List<DocumentEntity> entities, EntityType type) {
        return entities.stream().filter(e -> e.type() == type).map(DocumentEntity::key).collect(Collectors.toSet());
    }

    static Set<String> names(List<DocumentEntity> entities) {
        return entities.stream().map(DocumentEntity::name).collect(Collectors.toSet());
    }

    /** The seed corpus: German, Japanese and French interview, German report, English essay on Meta. */
    @Test
    void seedCorpusHasOneZuckerbergAndOneMetaValueAcrossLanguages() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<String> languages = List.of("de", "ja", "fr", "de", "en");
        assertThat(files).hasSize(languages.size());
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            String language = languages.get(i);
            List<DocumentEntity> entities = recognizer.recognize(text, language);
            Set<String> persons = keys(entities, EntityType.PERSON);
            Set<String> companies = keys(entities, EntityType.COMPANY);
            assertThat(companies).as(files.get(i) + " companies").contains("meta");
            if (i < 4) {
                assertThat(persons).as(files.get(i) + " persons").contains("mark-zuckerberg");
                // one value: no unlinked Zuckerberg, Zuckerbergs or ザッカーバーグ next to the canonical one
                assertThat(persons).as(files.get(i) + " persons")
                        .noneMatch(k -> k.contains("zuckerberg") && !k.equals("mark-zuckerberg"))
                        .noneMatch(k -> k.contains("ザッカーバーグ"));
            }
            assertThat(companies).noneMatch(k -> k.startsWith("~") && (k.equals("~meta") || k.equals("~metas")
                    || k.equals("~メタ")));
            for (DocumentEntity e : entities) {
                String name = e.name();
                assertThat(CommonWords.isPronoun(name, language)).as("pronoun %s in %s", name, files.get(i)).isFalse();
                assertThat(PlaceNames.isCountry(name)).as("place %s in %s", name, files.get(i)).isFalse();
            }
            assertThat(names(entities)).as(files.get(i) + " headline fragments and verbs")
                    .doesNotContain("Uncovering Challenges", "Inside Meta", "Lisez", "Pourriez", "Va", "He", "His",
                            "Silicon Valley", "KI", "AI");
        }
    }

    @Test
    void registryTypeWinsOverTheModel() {
        // the German model takes "Meta" for a person and "Zuckerberg" for a place
        List<RecognizedName> names = recognizer.recognizeNames(
                "Meta kündigte an, dass Zuckerberg nach Kalifornien reist. Meta wächst.", "de");
        assertThat(names).filteredOn(n -> n.surface().equals("Meta"))
                .allMatch(n -> n.type() == EntityType.COMPANY && "meta".equals(n.entityId()));
        assertThat(names).filteredOn(n -> n.surface().equals("Zuckerberg"))
                .allMatch(n -> n.type() == EntityType.PERSON && "mark-zuckerberg".equals(n.entityId()));
    }

    @Test
    void aNameAroundARegistryEntityOfAnotherTypeDoesNotHideIt() {
        List<DocumentEntity> entities = recognizer.recognize(
                "Sundar Pichai von Google und Satya Nadella von Microsoft trafen sich in Berlin.", "de");
        assertThat(entities).extracting(DocumentEntity::key)
                .contains("sundar-pichai", "google", "satya-nadella", "microsoft")
                .noneMatch(k -> k.startsWith("~") && (k.contains("pichai") || k.contains("nadella")));
    }

    @Test
    void namesWithDigitsAreNotPersons() {
        List<DocumentEntity> entities = recognizer.recognize(
                "Selon les médecins, Covid-19 reste dangereux. Le président Emmanuel Macron a parlé.", "fr");
        assertThat(keys(entities, EntityType.PERSON)).noneMatch(k -> k.contains("19"));
        assertThat(recognizer.clean("Covid-19 spreads.", EntitySpan.of("Covid-19 spreads.", EntityType.PERSON, 0, 8),
                "en").type()).isEqualTo(EntityType.MISC);
    }

    @Test
    void genericInstitutionsAreNotCompanies() {
        assertThat(recognizer.genericOrganisation("Gobierno", "es")).isTrue();
        assertThat(recognizer.genericOrganisation("Parlement", "fr")).isTrue();
        assertThat(recognizer.genericOrganisation("Regierung", "de")).isTrue();
        assertThat(recognizer.genericOrganisation("Government", "en")).isTrue();
        // named organisations, registry entries and longer names are kept
        assertThat(recognizer.genericOrganisation("Bundestag", "de")).isFalse();
        assertThat(recognizer.genericOrganisation("Meta", "es")).isFalse();
        assertThat(recognizer.genericOrganisation("Parlement européen", "fr")).isFalse();
        List<DocumentEntity> entities = recognizer.recognize(
                "El Gobierno anunció nuevas medidas. El Estado pagará las ayudas, según el Gobierno.", "es");
        assertThat(keys(entities, EntityType.COMPANY)).doesNotContain("~gobierno", "~estado");
    }

    @Test
    void pronounsAreNotPersons() {
        List<RecognizedName> names = recognizer.recognizeNames(
                "He said the plan would work. His colleague Tijmen Blankevoort disagreed. She left.", "en");
        assertThat(names).extracting(RecognizedName::surface).doesNotContain("He", "His", "She");
        assertThat(names).extracting(RecognizedName::surface).contains("Tijmen Blankevoort");
    }

    @Test
    void frenchSentenceInitialVerbsAreNotNames() {
        List<RecognizedName> names = recognizer.recognizeNames(
                "Lisez la suite pour le découvrir. Va-t-elle gagner à la fin ? Pourriez-vous nous parler de Meta ?",
                "fr");
        assertThat(names).extracting(RecognizedName::surface).containsExactly("Meta");
    }

    @Test
    void headlineFragmentsAreNotOrganisations() {
        List<DocumentEntity> entities = recognizer.recognize(
                "Inside Meta AI: Uncovering Challenges in Big Tech’s R&D Culture\n"
                        + "A former researcher published an internal essay about the culture at Meta.", "en");
        assertThat(names(entities)).doesNotContain("Uncovering Challenges", "Inside Meta", "Big Tech");
        assertThat(keys(entities, EntityType.COMPANY)).contains("meta");
    }

    @Test
    void shortNamesAndGenitivesJoinTheFullNameOfTheDocument() {
        List<DocumentEntity> entities = recognizer.recognize(
                "Der Forscher Rishabh Agarwal verließ das Labor. Agarwals Entscheidung überraschte, sagte Agarwal.",
                "de");
        List<DocumentEntity> agarwal = entities.stream().filter(e -> e.key().contains("agarwal")).toList();
        assertThat(agarwal).hasSize(1);
        assertThat(agarwal.get(0).key()).isEqualTo("~rishabh agarwal");
        assertThat(agarwal.get(0).name()).isEqualTo("Rishabh Agarwal");
        assertThat(agarwal.get(0).linked()).isFalse();
        assertThat(agarwal.get(0).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void linkedEntitiesCarryTheRegistryLabel() {
        List<DocumentEntity> entities = recognizer.recognize("メタ・プラットフォームズのザッカーバーグ氏は語った。", "ja");
        assertThat(entities).extracting(DocumentEntity::key).containsExactly("meta", "mark-zuckerberg");
        assertThat(entities).extracting(DocumentEntity::name).containsExactly("メタ", "マーク・ザッカーバーグ");
    }

    static Set<String> surfaces(String text, String language, EntityType type) {
        return recognizer.recognizeNames(text, language).stream().filter(n -> n.type() == type)
                .map(RecognizedName::surface).collect(Collectors.toSet());
    }

    @Test
    void titlesOfWorksGenericWordsAndShareBarsAreNotNames() {
        assertThat(surfaces("C'est comme un scénario de Hunger Games.", "fr", EntityType.PERSON))
                .doesNotContain("Hunger Games");
        assertThat(surfaces("Il travaille dans la division IA de Meta.", "fr", EntityType.COMPANY))
                .contains("Meta").doesNotContain("IA de Meta");
        assertThat(surfaces("Ein Bericht.\niFanr | Originallink · Kommentare anzeigen · Sina Weibo", "de",
                EntityType.PERSON)).doesNotContain("Sina Weibo");
        assertThat(surfaces("\" Melissa \" was the album 's most successful single .", "en", EntityType.PERSON))
                .isEmpty();
    }

    @Test
    void firstNamesThatAreAlsoTitlesAndSportsClubs() {
        assertThat(surfaces("The novel was written by Don DeLillo in 1985.", "en", EntityType.PERSON))
                .contains("Don DeLillo");
        assertThat(surfaces("He signed for the Chicago Bulls and later played for Manchester United.", "en",
                EntityType.COMPANY)).contains("Chicago Bulls", "Manchester United");
        assertThat(surfaces("Er spielte für Kayserispor und die israelische Fußballnationalmannschaft.", "de",
                EntityType.COMPANY)).contains("israelische Fußballnationalmannschaft");
    }

    @Test
    void namesListedTogetherAreOfOneKind() {
        assertThat(surfaces("Diesmal sind darunter Justin Bieber, Lady Gaga, Bill Gates und Richard Branson.", "de",
                EntityType.PERSON)).contains("Justin Bieber", "Lady Gaga", "Bill Gates", "Richard Branson");
    }
}
