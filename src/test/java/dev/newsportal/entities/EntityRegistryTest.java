package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntityRegistryTest {

    static final EntityRegistry registry = EntityRegistry.starter();

    static List<String> ids(List<Mention> mentions) {
        return mentions.stream().map(Mention::entityId).toList();
    }

    static List<String> surfaces(List<Mention> mentions) {
        return mentions.stream().map(Mention::surface).toList();
    }

    @Test
    void starterRegistryHasTheDomainsWellKnownNames() {
        assertThat(registry.size()).isGreaterThanOrEqualTo(40);
        for (String id : List.of("meta", "openai", "google", "microsoft", "apple", "amazon", "nvidia", "tesla",
                "deepseek", "bytedance", "mark-zuckerberg", "sam-altman", "sundar-pichai", "satya-nadella",
                "elon-musk", "jensen-huang", "tim-cook")) {
            assertThat(registry.get(id)).as(id).isPresent();
        }
        Entity meta = registry.get("meta").orElseThrow();
        assertThat(meta.type()).isEqualTo(EntityType.COMPANY);
        assertThat(meta.label("ja")).isEqualTo("メタ");
        assertThat(meta.label("es")).isEqualTo("Meta");
        assertThat(registry.get("mark-zuckerberg").orElseThrow().type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void oneEntityAcrossLanguagesAndScripts() {
        for (String name : List.of("Mark Zuckerberg", "Zuckerberg", "マーク・ザッカーバーグ", "ザッカーバーグ",
                "ザッカーバーグ氏", "CEO Mark Zuckerberg", "ﾏｰｸ･ｻﾞｯｶｰﾊﾞｰｸﾞ")) {
            assertThat(registry.lookup(name, EntityType.PERSON)).as(name).map(Entity::id).hasValue("mark-zuckerberg");
        }
        for (String name : List.of("Meta", "Meta Platforms", "Meta Platforms Inc.", "メタ", "メタ・プラットフォームズ",
                "メタプラットフォームズ")) {
            assertThat(registry.lookup(name, null)).as(name).map(Entity::id).hasValue("meta");
        }
        assertThat(registry.lookup("Siemen", null)).isEmpty();
    }

    @Test
    void findsMentionsInGermanTextWithGenitives() {
        String text = "CEO Mark Zuckerbergs Streben: Während Meta Platforms die Entlassungen vorbereitet, "
                + "ist Metas KI-Rennen teuer. Zuckerbergs Team und das Meta-AI-Team kämpfen.";
        List<Mention> mentions = registry.find(text, "de");
        assertThat(surfaces(mentions)).containsExactly("Mark Zuckerbergs", "Meta Platforms", "Metas", "Zuckerbergs",
                "Meta");
        assertThat(ids(mentions)).containsExactly("mark-zuckerberg", "meta", "meta", "mark-zuckerberg", "meta");
        Mention first = mentions.get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo(first.surface());
    }

    @Test
    void bareSGenitiveOnlyInGermanButApostropheGenitiveEverywhere() {
        assertThat(surfaces(registry.find("Apples and Metas are not companies here.", "en"))).isEmpty();
        assertThat(surfaces(registry.find("Meta’s AI division and Musk's xAI", "en")))
                .containsExactly("Meta’s", "Musk's", "xAI");
    }

    @Test
    void wholeWordsCaseAndKatakanaBoundaries() {
        assertThat(registry.find("Metall, metaverse, meta-analysis, an apple a day, Teslas", "en")).isEmpty();
        assertThat(ids(registry.find("メタバースに投資するメタ。アマゾン川ではない", "ja"))).containsExactly("meta", "amazon");
        List<Mention> ja = registry.find("メタ・プラットフォームズのマーク・ザッカーバーグCEOは、ｵｰﾌﾟﾝAIと競う", "ja");
        assertThat(surfaces(ja)).containsExactly("メタ・プラットフォームズ", "マーク・ザッカーバーグ", "ｵｰﾌﾟﾝAI");
        assertThat(ids(ja)).containsExactly("meta", "mark-zuckerberg", "openai");
    }

    @Test
    void legalFormsAreTakenIntoTheMention() {
        assertThat(surfaces(registry.find("Shares of Meta Platforms, Inc. and Nvidia Corp. rose.", "en")))
                .containsExactly("Meta Platforms, Inc.", "Nvidia Corp.");
        assertThat(surfaces(registry.find("Meta se prépare à une nouvelle série de licenciements.", "fr")))
                .containsExactly("Meta");
    }

    @Test
    void genitiveOnlyAfterAKnownAlias() {
        EntityRegistry r = EntityRegistry.of(List.of(new Entity("siemens", EntityType.COMPANY,
                Map.of("en", "Siemens"), List.of("Siemens AG"))));
        assertThat(surfaces(r.find("Siemens und die Siemens AG", "de"))).containsExactly("Siemens", "Siemens AG");
        assertThat(r.lookup("Siemen", EntityType.COMPANY)).isEmpty();
    }

    @Test
    void editsReturnANewRegistry() {
        EntityRegistry edited = registry.withAlias("mark-zuckerberg", "Zuck");
        assertThat(ids(edited.find("Zuck said", "en"))).containsExactly("mark-zuckerberg");
        assertThat(registry.find("Zuck said", "en")).isEmpty();
        assertThat(edited.without("meta").get("meta")).isEmpty();
        assertThatThrownBy(() -> registry.withAlias("google", "Meta")).hasMessageContaining("already an alias of meta");
    }

    @Test
    void jsonRoundTrip() {
        EntityRegistry copy = EntityRegistry.fromJson(
                new ByteArrayInputStream(registry.toJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(copy.entities()).containsExactlyElementsOf(registry.entities());
    }
}
