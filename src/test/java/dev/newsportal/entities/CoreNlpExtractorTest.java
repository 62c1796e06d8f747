package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CoreNlpExtractorTest {

    @Test
    void englishNamesWithCharacterOffsets() {
        CoreNlpExtractor extractor = new CoreNlpExtractor();
        assertThat(extractor.supports("en")).isTrue();
        assertThat(extractor.supports("ja")).isFalse();
        String text = "Sundar Pichai, the chief executive of Google, spoke in London on Monday.\nTim Cook did not.";
        List<EntitySpan> spans = extractor.extract(text, "en");
        for (EntitySpan span : spans) {
            assertThat(text.substring(span.start(), span.end())).isEqualTo(span.surface());
        }
        assertThat(spans).contains(new EntitySpan(EntityType.PERSON, 0, 13, "Sundar Pichai"),
                new EntitySpan(EntityType.COMPANY, 38, 44, "Google"),
                new EntitySpan(EntityType.LOCATION, 55, 61, "London"));
        assertThat(spans).extracting(EntitySpan::surface).contains("Tim Cook");
        assertThat(extractor.extract(text, "xx")).isEmpty();
    }

    @Test
    void labelsOfAllModelsMapToOurTypes() {
        assertThat(CoreNlpExtractor.typeOf("PERSON")).isEqualTo(EntityType.PERSON);
        assertThat(CoreNlpExtractor.typeOf("I-PER")).isEqualTo(EntityType.PERSON);
        assertThat(CoreNlpExtractor.typeOf("PERS")).isEqualTo(EntityType.PERSON);
        assertThat(CoreNlpExtractor.typeOf("ORGANIZATION")).isEqualTo(EntityType.COMPANY);
        assertThat(CoreNlpExtractor.typeOf("B-ORG")).isEqualTo(EntityType.COMPANY);
        assertThat(CoreNlpExtractor.typeOf("LUG")).isEqualTo(EntityType.LOCATION);
        assertThat(CoreNlpExtractor.typeOf("I-LOC")).isEqualTo(EntityType.LOCATION);
        assertThat(CoreNlpExtractor.typeOf("OTROS")).isEqualTo(EntityType.MISC);
        assertThat(CoreNlpExtractor.typeOf("O")).isNull();
    }

    @Test
    void hyphenatedPartsAreOneName() {
        String text = "Pierre-Simon Laplace and the Meta-Chef";
        List<EntitySpan> parts = List.of(EntitySpan.of(text, EntityType.PERSON, 0, 6),
                EntitySpan.of(text, EntityType.PERSON, 7, 20));
        assertThat(CoreNlpExtractor.joinHyphenated(text, parts, false)).containsExactly(
                EntitySpan.of(text, EntityType.PERSON, 0, 20));
        List<EntitySpan> meta = List.of(EntitySpan.of(text, EntityType.COMPANY, 29, 33));
        assertThat(CoreNlpExtractor.joinHyphenated(text, meta, false)).containsExactly(meta.get(0));
        assertThat(CoreNlpExtractor.joinHyphenated(text, meta, true)).containsExactly(
                EntitySpan.of(text, EntityType.COMPANY, 29, 38));
    }

    @Test
    void personsTakeInRegnalNumbersGenerationalSuffixesAndEnDashPartners() {
        String text = "Elizabeth I, Henry Ford II and James Renwick, Jr. on the Stefan–Boltzmann law. Smith I think";
        List<EntitySpan> spans = List.of(EntitySpan.of(text, EntityType.PERSON, 0, 9),
                EntitySpan.of(text, EntityType.PERSON, 13, 23), EntitySpan.of(text, EntityType.PERSON, 31, 44),
                EntitySpan.of(text, EntityType.PERSON, 57, 63), EntitySpan.of(text, EntityType.PERSON, 79, 84));
        assertThat(CoreNlpExtractor.extendPersons(text, spans)).extracting(EntitySpan::surface).containsExactly(
                "Elizabeth I", "Henry Ford II", "James Renwick, Jr.", "Stefan–Boltzmann", "Smith");
    }

    @Test
    void germanPersonsTakeInHyphenatedNamePartsButNotCompounds() {
        String text = "Pierre-Antoine Dossevi, Alec Douglas-Home und die Merkel-Regierung";
        List<EntitySpan> spans = List.of(EntitySpan.of(text, EntityType.PERSON, 7, 22),
                EntitySpan.of(text, EntityType.PERSON, 24, 36), EntitySpan.of(text, EntityType.PERSON, 50, 56));
        assertThat(CoreNlpExtractor.joinHyphenated(text, spans, false)).extracting(EntitySpan::surface)
                .containsExactly("Pierre-Antoine Dossevi", "Alec Douglas-Home", "Merkel");
    }
}
