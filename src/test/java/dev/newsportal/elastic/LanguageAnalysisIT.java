package dev.newsportal.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each language's analyzer, through _analyze and through a search on its es-mappings field. */
class LanguageAnalysisIT {

    private static final String INDEX = "it-language-analysis";
    private static ElasticsearchClient client;

    static Stream<Arguments> languages() {
        return Stream.of(
                // language, analyzer, stored text, query, a token the query must produce
                Arguments.of("de", "german", "Das Haus am See", "Häuser", "haus"),
                Arguments.of("ja", "kuromoji", "関西国際空港に到着しました", "空港", "空港"),
                Arguments.of("fr", "french", "Le cheval galope dans le pré", "chevaux", "cheval"),
                Arguments.of("en", "english", "The dog was running home", "runs dogs", "dog"),
                Arguments.of("es", "spanish", "Una canción nueva", "canciones", "cancion"),
                Arguments.of("it", "italian", "Il giornale di oggi", "giornali", "giornal"),
                Arguments.of("pt", "portuguese", "Um livro antigo", "livros", "livr"),
                Arguments.of("nl", "dutch", "De krant van vandaag", "kranten", "krant"),
                Arguments.of("ru", "russian", "Новая книга вышла", "книги", "книг"),
                Arguments.of("zh", "cjk", "我住在东京都", "东京", "东京"),
                Arguments.of("ko", "cjk", "한국어 텍스트", "한국어", "한국"));
    }

    @BeforeAll
    static void createIndex() throws IOException {
        client = TestCluster.get().client();
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        IndexDefinitions.createIndex(client, INDEX, IndexDefinitions.DOCUMENTS);
        for (Arguments a : languages().toList()) {
            String lang = (String) a.get()[0];
            String text = (String) a.get()[2];
            client.index(i -> i.index(INDEX).id(lang).refresh(Refresh.WaitFor)
                    .document(Map.of("id", lang, "language", lang, "body", text, "body_" + lang, text)));
        }
    }

    @AfterAll
    static void dropIndex() throws IOException {
        client.indices().delete(d -> d.index(INDEX));
    }

    @ParameterizedTest(name = "{1}: \"{3}\" analyses to {4}")
    @MethodSource("languages")
    void analyzerProducesTheExpectedToken(String lang, String analyzer, String text, String query, String token)
            throws IOException {
        List<String> tokens = client.indices().analyze(a -> a.analyzer(analyzer).text(query))
                .tokens().stream().map(AnalyzeToken::token).toList();
        assertThat(tokens).contains(token);
    }

    @ParameterizedTest(name = "{0}: \"{3}\" finds \"{2}\"")
    @MethodSource("languages")
    void queryFindsTheDocumentThroughItsLanguageField(String lang, String analyzer, String text, String query)
            throws IOException {
        var hits = client.search(s -> s.index(INDEX).query(q -> q.match(m -> m.field("body_" + lang).query(query))),
                Map.class).hits().hits();
        assertThat(hits).extracting(h -> h.id()).containsExactly(lang);
    }

    @Test
    void languageNeutralFieldDoesNotStem() throws IOException {
        // Proves the language fields do the work: the folded fallback field has no German stemming.
        var hits = client.search(s -> s.index(INDEX).query(q -> q.match(m -> m.field("body").query("Häuser"))),
                Map.class).hits().hits();
        assertThat(hits).isEmpty();
    }

    @Test
    void fieldMappingsUseTheLanguageAnalyzers() throws IOException {
        var mapping = client.indices().getFieldMapping(f -> f.index(INDEX).fields("body_de", "title_ja"))
                .result().get(INDEX).mappings();
        assertThat(mapping.get("body_de").mapping().get("body_de").text().analyzer()).isEqualTo("german");
        assertThat(mapping.get("title_ja").mapping().get("title_ja").text().analyzer()).isEqualTo("kuromoji");
    }
}
