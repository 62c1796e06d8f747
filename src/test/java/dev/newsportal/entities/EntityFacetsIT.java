package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The person and company facets of the seed corpus, after the background entity stage, over real HTTP. */
@PortalIntegrationTest
class EntityFacetsIT {

    private static final String ALIAS = "it-entity-facets";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
    }

    @Autowired
    IngestService ingest;
    @Autowired
    EntityStage stage;
    @Autowired
    RegistryService registry;
    @Autowired
    ElasticsearchClient client;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void enriched() throws Exception {
        TestIndex.ensureEnriched(ingest, stage);
    }

    @Test
    void zuckerbergIsOnePersonAndMetaOneCompanyAcrossLanguagesAndScripts() throws Exception {
        Map<String, String> languageByFile = languageByFile();
        JsonNode page = api("/api/search", "en");
        assertThat(page.path("total").asLong()).isEqualTo(5);

        // one value each, whatever the script or inflection in the text
        assertThat(values(page, "person")).filteredOn(v -> v.label().contains("Zuckerberg")).hasSize(1);
        assertThat(values(page, "company")).filteredOn(v -> v.label().equals("Meta")).hasSize(1);

        // the German, Japanese and French interview and the German report
        assertThat(filesWith("persons", "mark-zuckerberg"))
                .containsExactlyInAnyOrder("000_0299def07b6d01cf.txt", "001_de68011143cfdca3.txt",
                        "002_a06a652be89fc666.txt", "003_b92fdfd5275aa39f.txt");
        assertThat(filesWith("persons", "mark-zuckerberg").stream().map(languageByFile::get))
                .containsExactlyInAnyOrder("de", "ja", "fr", "de");
        assertThat(filesWith("companies", "meta")).hasSize(5);
        assertThat(count(page, "company", "meta")).isEqualTo(5);
        assertThat(count(page, "person", "mark-zuckerberg")).isEqualTo(4);

        // labels follow the UI language
        assertThat(values(api("/api/search", "ja"), "person")).extracting(FacetValue::label)
                .contains("マーク・ザッカーバーグ");
    }

    @Test
    void noPronounsVerbsPlacesOrHeadlineFragmentsAmongTheValues() throws Exception {
        JsonNode page = api("/api/search", "en");
        List<FacetValue> all = new ArrayList<>(values(page, "person"));
        all.addAll(values(page, "company"));
        assertThat(all).isNotEmpty();
        Set<String> pronounsAndVerbs = Set.of("he", "his", "she", "her", "they", "il", "elle", "er", "sie", "ihr",
                "lisez", "pourriez", "ist", "will", "geht", "uncovering", "inside");
        Set<String> places = Set.of("silicon valley", "california", "kalifornien", "usa", "china", "chine",
                "japan", "japon", "new york", "menlo park", "paris", "europe", "europa");
        for (FacetValue v : all) {
            String label = v.label().toLowerCase(java.util.Locale.ROOT);
            for (String word : label.split("[\\s\\-’']+")) {
                assertThat(pronounsAndVerbs).as("a word of %s", v).doesNotContain(word);
            }
            assertThat(places).as("value %s", v).doesNotContain(label);
            // headline fragments: long multi-word values that are no registry entity
            if (!registry.registry().get(v.value()).isPresent()) {
                assertThat(label.split("\\s+").length).as("value %s", v).isLessThanOrEqualTo(4);
            }
        }
        // the headline "Inside Meta AI: Uncovering Challenges in Big Tech’s R&D Culture" gives no value
        assertThat(all).extracting(FacetValue::label).noneMatch(l -> l.contains("Uncovering") || l.contains("Culture"));
    }

    @Test
    void everyPersonAndCompanyValueFiltersToExactlyTheDocumentsThatMentionIt() throws Exception {
        JsonNode page = api("/api/search", "en");
        for (String facet : List.of("person", "company")) {
            String field = facet.equals("person") ? "persons" : "companies";
            for (FacetValue v : values(page, facet)) {
                JsonNode filtered = api("/api/search?" + facet + "=" + URLEncoder.encode(v.value(), StandardCharsets.UTF_8),
                        "en");
                List<String> mentioning = filesWith(field, v.value());
                assertThat(filtered.path("total").asLong()).as("%s=%s", facet, v.value()).isEqualTo(v.count())
                        .isEqualTo(mentioning.size());
                List<String> ids = new ArrayList<>();
                filtered.path("hits").forEach(h -> ids.add(h.path("id").asString()));
                assertThat(ids).hasSize(mentioning.size());
                // the filtered value stays selected, with the same count
                assertThat(values(filtered, facet)).filteredOn(FacetValue::selected)
                        .extracting(FacetValue::value).containsExactly(v.value());
            }
        }
    }

    @Test
    void aRegistryNameInTheQueryFindsTheEntityInAnyScript() throws Exception {
        JsonNode zuckerberg = api("/api/search?q=Zuckerberg", "en");
        List<String> languages = new ArrayList<>();
        zuckerberg.path("hits").forEach(h -> languages.add(h.path("language").asString()));
        assertThat(languages).contains("ja"); // the Japanese seed spells him マーク・ザッカーバーグ
        assertThat(zuckerberg.path("total").asLong()).isEqualTo(filesWith("persons", "mark-zuckerberg").size());
        assertThat(api("/api/search?q=" + URLEncoder.encode("person:Zuckerberg", StandardCharsets.UTF_8), "en")
                .path("total").asLong()).isEqualTo(4);
    }

    @Test
    void aReindexKeepsThePeopleAndCompaniesSearchableUntilTheStageHasSeenTheTextAgain() throws Exception {
        List<String> before = filesWith("persons", "mark-zuckerberg");
        stage.stop(); // so that the new index shows what the reindex itself wrote
        try {
            assertThat(ingest.reindex().outcome()).isEqualTo(dev.newsportal.ingest.IngestJob.Outcome.SUCCEEDED);
            assertThat(client.count(c -> c.index(ALIAS).query(EntityStage.PENDING)).count()).isEqualTo(5);
            assertThat(filesWith("persons", "mark-zuckerberg")).containsExactlyInAnyOrderElementsOf(before);
            assertThat(count(api("/api/search", "en"), "company", "meta")).isEqualTo(5);
        } finally {
            stage.start();
        }
        assertThat(stage.awaitIdle(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(filesWith("persons", "mark-zuckerberg")).containsExactlyInAnyOrderElementsOf(before);
    }

    record FacetValue(String value, String label, long count, boolean selected) {
    }

    private static List<FacetValue> values(JsonNode page, String facet) {
        List<FacetValue> values = new ArrayList<>();
        page.path("facets").path(facet).forEach(v -> values.add(new FacetValue(v.path("value").asString(),
                v.path("label").asString(), v.path("count").asLong(), v.path("selected").asBoolean())));
        return values;
    }

    private static long count(JsonNode page, String facet, String value) {
        return values(page, facet).stream().filter(v -> v.value().equals(value)).mapToLong(FacetValue::count)
                .findFirst().orElse(0);
    }

    /** From the index itself: the files whose recognised entities include the value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<String> filesWith(String field, String value) throws Exception {
        var response = client.search(s -> s.index(ALIAS).size(100)
                .query(q -> q.term(t -> t.field(field).value(value))), Map.class);
        List<String> files = new ArrayList<>();
        for (var hit : response.hits().hits()) {
            files.add(((Map<String, Object>) hit.source()).get("path").toString());
        }
        return files;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, String> languageByFile() throws Exception {
        var response = client.search(s -> s.index(ALIAS).size(100), Map.class);
        Map<String, String> out = new TreeMap<>();
        for (var hit : response.hits().hits()) {
            Map<String, Object> source = (Map<String, Object>) hit.source();
            out.put(source.get("path").toString(), source.get("language").toString());
        }
        return out;
    }

    private JsonNode api(String path, String language) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
