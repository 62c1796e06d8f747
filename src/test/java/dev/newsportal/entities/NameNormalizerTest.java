package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mark Zuckerberg            | mark zuckerberg
            ＭＡＲＫ　Ｚｕｃｋｅｒｂｅｒｇ   | mark zuckerberg
            マーク・ザッカーバーグ         | マークザッカーバーグ
            マーク ザッカーバーグ          | マークザッカーバーグ
            ﾏｰｸ･ｻﾞｯｶｰﾊﾞｰｸﾞ             | マークザッカーバーグ
            Zuckerberg’s               | zuckerberg's
            "  «Meta»,  "              | meta
            """)
    void basicForm(String name, String expected) {
        assertThat(NameNormalizer.basic(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CEO Mark Zuckerberg        | mark zuckerberg
            Herr Zuckerberg            | zuckerberg
            Frau Dr. Merkel            | merkel
            M. Macron                  | macron
            Mme Lagarde                | lagarde
            Mr. Altman                 | altman
            ザッカーバーグ氏              | ザッカーバーグ
            マーク・ザッカーバーグCEO       | マークザッカーバーグ
            孫正義社長                   | 孫正義
            山田さん                     | 山田
            Mark Zuckerberg, CEO       | mark zuckerberg
            Dr                         | dr
            """)
    void personKeys(String name, String expected) {
        assertThat(NameNormalizer.key(name, EntityType.PERSON)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'Meta Platforms, Inc.'     | meta platforms
            Siemens AG                 | siemens
            Robert Bosch GmbH          | robert bosch
            'Carl Zeiss GmbH & Co. KG' | carl zeiss
            Airbus S.A.                | airbus
            Sony Corp.                 | sony
            株式会社リクルート             | リクルート
            トヨタ自動車株式会社           | トヨタ自動車
            (株)ソフトバンク              | ソフトバンク
            Siemens                    | siemens
            AG                         | ag
            """)
    void companyKeys(String name, String expected) {
        assertThat(NameNormalizer.key(name, EntityType.COMPANY)).isEqualTo(expected);
    }

    @Test
    void genitiveBasesAreProposalsNotAnswers() {
        assertThat(NameNormalizer.genitiveBases("zuckerbergs")).containsExactly("zuckerberg");
        assertThat(NameNormalizer.genitiveBases("zuckerberg's")).containsExactly("zuckerberg");
        assertThat(NameNormalizer.genitiveBases("jones'")).containsExactly("jones");
        assertThat(NameNormalizer.genitiveBases("siemens")).containsExactly("siemen"); // caller checks it is known
        assertThat(NameNormalizer.genitiveBases("meta")).isEmpty();
        assertThat(NameNormalizer.genitiveBases("ザッカーバーグ")).isEmpty();
    }

    @Test
    void normalizedTextMapsBackToTheOriginal() {
        String original = "ＣＥＯのマーク・ザッカーバーグ氏";
        NormalizedText t = NormalizedText.of(original);
        assertThat(t.text()).isEqualTo("ceoのマークザッカーバーグ氏");
        int start = t.text().indexOf("マーク");
        int end = start + "マークザッカーバーグ".length();
        assertThat(original.substring(t.originalStart(start), t.originalEnd(end))).isEqualTo("マーク・ザッカーバーグ");
    }
}
