package dev.newsportal.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CTOL Editors                  | CTOL
            '  CTOL   Editors  '          | CTOL
            CTOL Editors - Xia            | CTOL
            CTOL-Redaktion                | CTOL
            Reuters Staff                 | Reuters
            The Verge Staff               | The Verge
            CNN Newsroom                  | CNN
            BBC News Desk                 | BBC
            Example Editorial Team        | Example
            Rédaction de Libération       | Libération
            Redacción El País             | El País
            Redazione Il Post             | Il Post
            Editors of Wired              | Wired
            ITライフハック編集部              | ITライフハック
            iFanr                         | iFanr
            www.iFanr.com                 | iFanr
            https://www.ifanr.com         | ifanr
            heise.de                      | heise
            Spiegel.de                    | Spiegel
            bbc.co.uk                     | bbc
            news.yahoo.com                | news.yahoo.com
            "„Der Standard“"              | Der Standard
            «Le Monde»                    | Le Monde
            '"The Guardian".'             | The Guardian
            (Reuters)                     | Reuters
            El País (Madrid)              | El País (Madrid)
            Yahoo!                        | Yahoo!
            Axel Springer SE              | Axel Springer
            'Dow Jones & Company, Inc.'   | Dow Jones & Company
            Orange S.A.                   | Orange
            株式会社ITmedia                 | ITmedia
            DPA                           | dpa
            Agence France-Presse          | AFP
            reuters                       | Reuters
            ТАСС                          | TASS
            共同通信                         | Kyodo
            Folha de S.Paulo              | Folha de S.Paulo
            """)
    void normalises(String raw, String expected) {
        assertThat(SourceNames.normalise(raw)).isEqualTo(expected);
    }

    @Test
    void collapsesUnicodeWhitespace() {
        assertThat(SourceNames.normalise("Le\u00A0\u2009 Monde\n")).isEqualTo("Le Monde");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u00A0", "Staff", "Editors", "Redaktion", "La rédaction", "Unsere Redaktion", "編集部",
            "---", "“ ”", "|"})
    void blankOrRoleOnlyIsNull(String raw) {
        assertThat(SourceNames.normalise(raw)).isNull();
    }

    @Test
    void isIdempotent() {
        for (String raw : new String[] {"CTOL Editors - Xia", "www.iFanr.com", "„Der Standard“", "Dow Jones & Company, Inc.",
                "El País (Madrid)", "Agence France-Presse"}) {
            String once = SourceNames.normalise(raw);
            assertThat(SourceNames.normalise(once)).as(raw).isEqualTo(once);
        }
    }
}
