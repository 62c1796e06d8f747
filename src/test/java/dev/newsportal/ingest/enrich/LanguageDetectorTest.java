package dev.newsportal.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

    static final LanguageDetector detector = new LanguageDetector();

    /** Seeds: first line the title, the rest the body. */
    static List<String[]> seeds() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        List<String[]> seeds = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            seeds.add(new String[] {f.getFileName().toString(), nl < 0 ? text : text.substring(0, nl),
                    nl < 0 ? "" : text.substring(nl + 1)});
        }
        return seeds;
    }

    @Test
    void seedsInFileNameOrder() throws IOException {
        List<String> languages = seeds().stream().map(s -> detector.detect(s[1], s[2]).language()).toList();
        assertThat(languages).containsExactly("de", "ja", "fr", "de", "en");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | The government announced new environmental rules on Monday that will take effect next year.
            de | Die Regierung hat am Montag neue Umweltschutzregeln angekündigt, die im nächsten Jahr in Kraft treten.
            fr | Le gouvernement a annoncé lundi de nouvelles règles de protection de l'environnement qui entreront en vigueur l'an prochain.
            es | El gobierno anunció el lunes nuevas normas de protección ambiental que entrarán en vigor el próximo año.
            it | Il governo ha annunciato lunedì nuove norme per la tutela dell'ambiente che entreranno in vigore il prossimo anno.
            pt | O governo anunciou na segunda-feira novas regras de proteção ambiental que entram em vigor no próximo ano.
            nl | De regering heeft maandag nieuwe milieuregels aangekondigd die volgend jaar in werking treden.
            ru | Правительство в понедельник объявило о новых правилах охраны окружающей среды, которые вступят в силу в следующем году.
            ja | 政府は月曜日、来年施行される新たな環境保護規則を発表した。
            zh | 政府周一宣布了将于明年生效的新环境保护法规，各地将加强监督检查。
            ko | 정부는 월요일 내년부터 시행되는 새로운 환경 보호 규정을 발표했다.
            """)
    void oneSentencePerSupportedLanguage(String lang, String sentence) {
        Detection d = detector.detect(sentence, null);
        assertThat(d.language()).isEqualTo(lang);
        assertThat(d.confidence()).isGreaterThanOrEqualTo(LanguageDetector.DEFAULT_MIN_CONFIDENCE);
    }

    @Test
    void kanjiHeavyJapaneseIsJapaneseNotChinese() {
        assertThat(detector.detect("東京都知事選挙の投票率は前回を上回った", null).language()).isEqualTo("ja");
        assertThat(detector.detect("内閣総理大臣記者会見", "日本銀行金融政策決定会合議事要旨公表について発表された。").language())
                .isEqualTo("ja");
        // Chinese without kana stays Chinese
        assertThat(detector.detect("国务院总理主持召开国务院常务会议，部署进一步稳定经济增长的措施。", null).language()).isEqualTo("zh");
    }

    @Test
    void hangulIsKoreanEvenWithHanja() {
        assertThat(detector.detect("大韓民國 정부는 새로운 정책을 발표했습니다", null).language()).isEqualTo("ko");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "!!!???", "--- *** ---", "lol", "OK", "asdf", "Loading...",
            "404 Not Found", "Click here", "€ 1.234,56", "😀😀😀 👍", "#tbt @user", "ABC-123 / XYZ-789",
            "https://example.com/some/path?id=42", "Tel. +49 30 1234567", "iPhone 15 Pro 256GB", "ok ok ok",
            "aaaaaaaaaaaaaaaaaaaaaaaa", "zzz zzz zzz zzz zzz", "jjjjj kkkkk lllll mmmmm", "xq zv kj wq pf zx jv qw xk vb",
            "NATO UNHCR WTO OECD", "東京", "한국", "Ελληνικά κείμενα για δοκιμή εδώ", "مرحبا بالعالم هذا نص عربي",
            "สวัสดีครับ นี่คือข้อความภาษาไทย", "שלום עולם זה טקסט בעברית", "नमस्ते दुनिया यह हिंदी पाठ है"})
    void shortSymbolOnlyOrForeignScriptTextIsUndetermined(String text) {
        assertThat(detector.detect(text, null).language()).isEqualTo("und");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pl | Rząd zapowiedział w poniedziałek nowe przepisy dotyczące ochrony środowiska, które wejdą w życie w przyszłym roku.
            cs | Vláda v pondělí oznámila nová pravidla pro ochranu životního prostředí, která začnou platit příští rok.
            sv | Regeringen presenterade på måndagen nya regler för miljöskydd som träder i kraft nästa år.
            da | Regeringen fremlagde mandag nye regler for miljøbeskyttelse, som træder i kraft næste år.
            fi | Hallitus esitteli maanantaina uudet ympäristönsuojelua koskevat säännöt, jotka tulevat voimaan ensi vuonna.
            tr | Hükümet pazartesi günü gelecek yıl yürürlüğe girecek yeni çevre koruma kurallarını açıkladı.
            id | Pemerintah pada hari Senin mengumumkan aturan baru tentang perlindungan lingkungan yang akan berlaku tahun depan.
            ro | Guvernul a anunțat luni noi reguli privind protecția mediului, care vor intra în vigoare anul viitor.
            hu | A kormány hétfőn új környezetvédelmi szabályokat jelentett be, amelyek jövőre lépnek hatályba.
            uk | Уряд у понеділок оголосив нові правила захисту довкілля, які наберуть чинності наступного року.
            bg | Правителството обяви в понеделник нови правила за опазване на околната среда, които ще влязат в сила догодина.
            vi | Chính phủ hôm thứ Hai đã công bố các quy định mới về bảo vệ môi trường, có hiệu lực từ năm sau.
            """)
    void unsupportedLanguagesAreUndeterminedRatherThanMislabelled(String lang, String sentence) {
        assertThat(detector.detect(sentence, null).language()).as(lang).isEqualTo("und");
    }

    @Test
    void titleAndBodyAreCombinedAndTheBodyIsBounded() {
        String body = "Die Bundesregierung hat neue Regeln beschlossen. ".repeat(500);
        assertThat(LanguageDetector.sample("Titel", body)).hasSizeLessThanOrEqualTo(LanguageDetector.MAX_SAMPLE_CHARS)
                .startsWith("Titel\nDie Bundesregierung");
        assertThat(detector.detect(null, body).language()).isEqualTo("de");
        assertThat(detector.detect("Die Regierung hat am Montag neue Regeln angekündigt", null).language()).isEqualTo("de");
        assertThat(detector.detect(null, null)).isEqualTo(new Detection("und", 0));
    }

    @Test
    void urlsDoNotCount() {
        assertThat(detector.detect("https://www.example.com/en/news/2024/the-story-of-the-year", null).language())
                .isEqualTo("und");
    }

    @Test
    void addressesInJapaneseTextDoNotSwallowTheText() {
        String body = "メールアドレスでは、@以降が「ocn.ne.jp」などといったドメインだ。連絡先はinfo@example.co.jpまで。"
                + "詳しくはhttp://example.jp/news/123を参照してください。";
        assertThat(LanguageDetector.sample(null, body)).contains("ドメインだ", "連絡先は", "を参照してください")
                .doesNotContain("info@example", "http://");
        assertThat(detector.detect(null, body).language()).isEqualTo("ja");
    }

    @Test
    void thresholdSendsLowConfidenceToUnd() {
        LanguageDetector strict = new LanguageDetector(1.0);
        Detection d = strict.detect("Foxx and Swank win US awards", null);
        assertThat(d.language()).isIn("und", "en");
        assertThat(new LanguageDetector(0).detect("Foxx and Swank win US awards", null).language()).isNotEqualTo("und");
        assertThatThrownBy(() -> new LanguageDetector(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanguageDetector(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadSafe() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"en", "The government announced new environmental rules on Monday that will take effect next year."},
                new String[] {"de", "Die Regierung hat am Montag neue Umweltschutzregeln angekündigt, die im nächsten Jahr gelten."},
                new String[] {"fr", "Le gouvernement a annoncé lundi de nouvelles règles qui entreront en vigueur l'an prochain."},
                new String[] {"ru", "Правительство в понедельник объявило о новых правилах охраны окружающей среды."});
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String[] c = cases.get(i % cases.size());
                futures.add(pool.submit(() -> detector.detect(c[1], null).language().equals(c[0])));
            }
            for (Future<Boolean> f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
