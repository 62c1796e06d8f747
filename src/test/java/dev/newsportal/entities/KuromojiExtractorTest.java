package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KuromojiExtractorTest {

    static final KuromojiExtractor extractor = new KuromojiExtractor();

    static List<String> of(String text, EntityType type) {
        return extractor.extract(text, "ja").stream().filter(s -> s.type() == type).map(EntitySpan::surface).toList();
    }

    @Test
    void surnameAndGivenNameAreOnePerson() {
        assertThat(of("田中角栄は新潟県の出身である。", EntityType.PERSON)).containsExactly("田中角栄");
    }

    @Test
    void katakanaNamesJoinedByMiddleDotsAreOnePersonButDictionaryCompoundsAreNot() {
        assertThat(of("ロバート・キャロルはライブ・アルバムを発表した。", EntityType.PERSON)).containsExactly("ロバート・キャロル");
    }

    @Test
    void kanjiNamesJoinedByMiddleDotsAreAList() {
        assertThat(of("田中角栄・大平正芳の両氏が会談した。", EntityType.PERSON)).doesNotContain("田中角栄・大平正芳");
    }

    @Test
    void companyNamesEndWithAHeadWordAndKeepTheLegalForm() {
        List<String> companies = of("トヨタ自動車株式会社とノースウェスト航空が提携した。", EntityType.COMPANY);
        assertThat(companies).contains("トヨタ自動車株式会社", "ノースウェスト航空");
    }

    @Test
    void politicalOrganisationsAreNotCompanies() {
        assertThat(of("国防省の発表によると", EntityType.COMPANY)).isEmpty();
    }

    @Test
    void unknownLatinWordsAreNotCompaniesWithoutEvidence() {
        assertThat(of("KING OF BATTLEというゲームが発売された。", EntityType.COMPANY)).isEmpty();
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "昨日、ノースウェスト航空の便が遅れた。";
        for (EntitySpan span : extractor.extract(text, "ja")) {
            assertThat(text.substring(span.start(), span.end())).isEqualTo(span.surface());
        }
    }

    @Test
    void singleCharactersAreNotPersons() {
        assertThat(of("それは本当に面白かったです（笑）。", EntityType.PERSON)).isEmpty();
    }

    @Test
    void katakanaCommonNounsAndLoanwordsAreNotPersons() {
        assertThat(of("彼女はブログにカラダの悩みを書いた。アプリが人気だ。", EntityType.PERSON)).isEmpty();
        // a given name of the dictionary and a word before an honorific still are
        assertThat(of("カオリは笑った。", EntityType.PERSON)).containsExactly("カオリ");
    }

    @Test
    void kanaPronounsAreNotPersonsWithoutAnHonorific() {
        assertThat(of("オレは知らない。キミに会いたい。", EntityType.PERSON)).isEmpty();
        assertThat(of("キミさんは40歳で出産した。", EntityType.PERSON)).containsExactly("キミ");
    }

    @Test
    void adverbialNounsAreNotOrganisations() {
        assertThat(of("充実した毎日を送っている。", EntityType.COMPANY)).isEmpty();
        assertThat(KuromojiExtractor.adverbialReading("毎日")).isTrue();
        assertThat(KuromojiExtractor.adverbialReading("日産")).isFalse();
    }

    @Test
    void aBylineIsTheWholeName() {
        assertThat(of("毎朝の習慣が大切だ。（編集部／佐枝せつこ）", EntityType.PERSON)).containsExactly("佐枝せつこ");
        assertThat(of("前向きになれる本がいい。（文／神田はるひ）", EntityType.PERSON)).containsExactly("神田はるひ");
    }

    @Test
    void otherLanguagesAreNotHandled() {
        assertThat(extractor.extract("Mark Zuckerberg", "en")).isEmpty();
    }

    @Test
    void katakanaCompoundsWithACommonNounAreNotPersons() {
        assertThat(of("私たちはハードワークを恐れていません。", EntityType.PERSON)).isEmpty();
    }
}
