package dev.newsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static Latencies millis(long... values) {
        Latencies l = new Latencies();
        for (long v : values) {
            l.add(v * 1_000_000);
        }
        return l;
    }

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        Latencies l = new Latencies();
        for (long v = 100; v >= 1; v--) { // added out of order
            l.add(v * 1_000_000);
        }
        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(95)).isEqualTo(95.0);
        assertThat(l.percentileMillis(99)).isEqualTo(99.0);
        assertThat(l.percentileMillis(100)).isEqualTo(100.0);
        assertThat(l.meanMillis()).isEqualTo(50.5);
        assertThat(l.count()).isEqualTo(100);
    }

    @Test
    void smallSamplesTakeAnActualSample() {
        Latencies l = millis(30, 10, 20);
        assertThat(l.percentileMillis(50)).isEqualTo(20.0);
        assertThat(l.percentileMillis(95)).isEqualTo(30.0);
        assertThat(l.percentileMillis(1)).isEqualTo(10.0);
        assertThat(millis(7).percentileMillis(99)).isEqualTo(7.0);
    }

    @Test
    void summaryIsRoundedMillisAndEmptyIsNaN() {
        Latencies l = new Latencies();
        l.add(1_234_567);
        assertThat(l.summary()).containsEntry("requests", 1).containsEntry("p50Ms", 1.23).containsEntry("meanMs", 1.23);
        assertThat(new Latencies().percentileMillis(50)).isNaN();
        assertThat(new Latencies().meanMillis()).isNaN();
        assertThatThrownBy(() -> l.percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryWordsFromTitlesInEachScript() {
        assertThat(BenchmarkCommand.words("Zuckerberg kauft das Startup für 2 Mrd.")).containsExactly("Zuckerberg", "kauft", "Startup");
        assertThat(BenchmarkCommand.words("友人代表のスピーチ、独女はどうこなしている？")).containsExactly("友人代表", "スピーチ", "独女");
    }

    @Test
    void everyFourthQueryFiltersByTheArticlesLanguage() {
        List<BenchmarkCommand.Article> articles = List.of(new BenchmarkCommand.Article("de", List.of("Regierung", "Wahl")),
                new BenchmarkCommand.Article("en", List.of()));
        List<BenchmarkCommand.Query> queries = BenchmarkCommand.queries(articles, 8, new Random(1));
        assertThat(queries).hasSize(8).allSatisfy(q -> assertThat(q.q()).matches("(Regierung|Wahl)( (Regierung|Wahl))?"));
        assertThat(queries).extracting(BenchmarkCommand.Query::language)
                .containsExactly(null, null, null, "de", null, null, null, "de");
    }
}
