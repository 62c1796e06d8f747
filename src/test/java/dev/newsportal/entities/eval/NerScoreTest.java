package dev.newsportal.entities.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsportal.entities.EntitySpan;
import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.eval.NerDataset.Sentence;
import dev.newsportal.entities.eval.NerDataset.Span;

class NerScoreTest {

    static final String CONLL = """
            0\tMark\tB-PER
            1\tZuckerberg\tI-PER
            2\tleads\tO
            3\tMeta\tB-ORG
            4\tPlatforms\tI-ORG
            5\tin\tO
            6\tMenlo\tB-LOC
            7\tPark\tI-LOC
            8\t.\tO

            0\tAlice\tI-PER
            1\tBob\tB-PER
            2\tmet\tO
            3\tOpenAI\tB-ORG
            """;

    @Test
    void conllSentencesAreTokensJoinedWithSpacesAndBioSpansAreCharacterOffsets() {
        List<Sentence> sentences = NerDataset.readConll(CONLL);
        assertThat(sentences).hasSize(2);
        Sentence first = sentences.get(0);
        assertThat(first.text()).isEqualTo("Mark Zuckerberg leads Meta Platforms in Menlo Park .");
        assertThat(first.spans()).containsExactly(new Span("PER", 0, 15), new Span("ORG", 22, 36),
                new Span("LOC", 40, 50));
        // an I- tag after O starts a span; B- after I- of the same type starts a new one
        assertThat(sentences.get(1).spans()).containsExactly(new Span("PER", 0, 5), new Span("PER", 6, 9),
                new Span("ORG", 14, 20));
    }

    @Test
    void stockmarkTypesMapToPerAndOrg() {
        String json = """
                [{"curid": "1", "text": "松友美佐紀は、日本のバドミントン選手。トヨタ自動車の社員。",
                  "entities": [{"name": "松友美佐紀", "span": [0, 5], "type": "人名"},
                               {"name": "日本", "span": [7, 9], "type": "地名"},
                               {"name": "トヨタ自動車", "span": [19, 25], "type": "法人名"}]}]
                """;
        List<Sentence> sentences = NerDataset.readStockmark(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(sentences.get(0).spans()).containsExactly(new Span("PER", 0, 5), new Span("地名", 7, 9),
                new Span("ORG", 19, 25));
    }

    @Test
    void exactSpanPrecisionRecallAndF1() {
        NerScore score = new NerScore(List.of("PER", "ORG"));
        // gold: PER 0-15, ORG 22-36, LOC 40-50; predicted: PER 0-15 (tp), ORG 22-26 (fp + the gold ORG is a fn),
        // PER 40-50 (fp: right span, wrong type), LOC ignored
        score.add(List.of(new Span("PER", 0, 15), new Span("ORG", 22, 36), new Span("LOC", 40, 50)),
                List.of(new Span("PER", 0, 15), new Span("ORG", 22, 26), new Span("PER", 40, 50),
                        new Span("LOC", 5, 8)));
        NerScore.Counts per = score.counts("PER");
        assertThat(per.tp()).isEqualTo(1);
        assertThat(per.fp()).isEqualTo(1);
        assertThat(per.fn()).isZero();
        assertThat(per.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(per.recall()).isCloseTo(1.0, within(1e-9));
        assertThat(per.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
        NerScore.Counts org = score.counts("ORG");
        assertThat(org.tp()).isZero();
        assertThat(org.fp()).isEqualTo(1);
        assertThat(org.fn()).isEqualTo(1);
        assertThat(org.f1()).isZero();
        assertThat(score.toJsonLines("tiny")).containsExactly(
                "{\"set\":\"tiny\",\"type\":\"PER\",\"precision\":0.5000,\"recall\":1.0000,\"f1\":0.6667,"
                        + "\"tp\":1,\"fp\":1,\"fn\":0,\"sentences\":1}",
                "{\"set\":\"tiny\",\"type\":\"ORG\",\"precision\":0.0000,\"recall\":0.0000,\"f1\":0.0000,"
                        + "\"tp\":0,\"fp\":1,\"fn\":1,\"sentences\":1}");
    }

    @Test
    void duplicatePredictionsCountOnce() {
        NerScore score = new NerScore(List.of("PER"));
        score.add(List.of(new Span("PER", 0, 4)), List.of(new Span("PER", 0, 4), new Span("PER", 0, 4)));
        assertThat(score.counts("PER").tp()).isEqualTo(1);
        assertThat(score.counts("PER").fp()).isZero();
    }

    @Test
    void evaluateRunsAnExtractorOnTheRawSentences() {
        List<Sentence> sentences = NerDataset.readConll(CONLL);
        // a toy extractor: every "Mark Zuckerberg" is a person, every "OpenAI" a company
        NerScore score = EvaluateNer.evaluate((text, language) -> {
            List<EntitySpan> spans = new java.util.ArrayList<>();
            int i = text.indexOf("Mark Zuckerberg");
            if (i >= 0) {
                spans.add(EntitySpan.of(text, EntityType.PERSON, i, i + 15));
            }
            i = text.indexOf("OpenAI");
            if (i >= 0) {
                spans.add(EntitySpan.of(text, EntityType.COMPANY, i, i + 6));
            }
            return spans;
        }, sentences, "en", null);
        assertThat(score.counts("PER").tp()).isEqualTo(1);
        assertThat(score.counts("PER").fn()).isEqualTo(2);
        assertThat(score.counts("ORG").tp()).isEqualTo(1);
        assertThat(score.counts("ORG").fn()).isEqualTo(1);
        assertThat(score.sentences()).isEqualTo(2);
    }

    @Test
    void languageFromFileNameAndEvenSample() {
        assertThat(EvaluateNer.languageOf(java.nio.file.Path.of("wikineural-de.val.conllu"))).isEqualTo("de");
        assertThat(EvaluateNer.languageOf(java.nio.file.Path.of("stockmark-ja.dev.json"))).isEqualTo("ja");
        List<Sentence> ten = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new Sentence("s" + i, List.of())).toList();
        assertThat(EvaluateNer.sample(ten, 3)).extracting(Sentence::text).containsExactly("s0", "s3", "s6");
        assertThat(EvaluateNer.sample(ten, 0)).hasSize(10);
    }
}
