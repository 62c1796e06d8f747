package dev.newsportal.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceAttributorTest {

    static final SourceAttributor attributor = SourceAttributor.withDefaults();

    static Optional<String> attribute(String body) {
        return attributor.attribute("Some title", body);
    }

    /** A body with {@code line} among ordinary paragraphs, at the top or at the bottom. */
    static String around(String line, boolean top) {
        String filler = "Ordinary paragraph of the article that says nothing about who published it.\n\n";
        return top ? line + "\n\n" + filler.repeat(3) : filler.repeat(3) + line + "\n";
    }

    @Test
    void seeds() throws IOException {
        Map<String, Optional<String>> found = LanguageDetectorTest.seeds().stream()
                .collect(Collectors.toMap(s -> s[0].substring(0, 3), s -> attributor.attribute(s[1], s[2])));
        assertThat(found).containsEntry("000", Optional.empty())
                .containsEntry("001", Optional.empty())
                .containsEntry("002", Optional.of("CTOL"))
                .containsEntry("003", Optional.of("iFanr"))
                .containsEntry("004", Optional.empty());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            # en
            By Reuters => Reuters
            By Reuters | March 5, 2024 => Reuters
            By Reuters Staff => Reuters
            By Jane Doe, AP => AP
            By The Verge Staff => The Verge
            WASHINGTON, Jan 5 (Reuters) - The U.S. Senate voted on Thursday. => Reuters
            NEW YORK (AP) — Stocks fell sharply on Wall Street. => AP
            Source: The Guardian => The Guardian
            Originally published in The Atlantic. => The Atlantic
            This article first appeared on Wired. => Wired
            Copyright (c) 2019-2024 Example News Ltd. All rights reserved. => Example News
            — AP => AP
            # de
            Von dpa => dpa
            Von Max Muster und dpa => dpa
            Von der CTOL-Redaktion => CTOL
            Berlin (dpa) - Die Bundesregierung hat am Montag beschlossen, dass … => dpa
            Quelle: Süddeutsche Zeitung => Süddeutsche Zeitung
            Quelle: golem.de => golem
            iFanr | Originallink · Kommentare anzeigen · Sina Weibo => iFanr
            Originalartikel: Heise Online => Heise Online
            Zuerst erschienen bei Netzpolitik.org => Netzpolitik
            Das sagte der Minister am Sonntag. (APA, 1.2.2015) => APA
            # fr
            Par AFP => AFP
            PARIS (AFP) - Le gouvernement a annoncé lundi de nouvelles mesures. => AFP
            Source : Le Monde => Le Monde
            Par CTOL Editors - Xia => CTOL
            # es
            MADRID, 5 (EUROPA PRESS) - El Gobierno ha aprobado este martes … => Europa Press
            Madrid (EFE).- El Gobierno aprobó este martes un nuevo plan. => EFE
            Fuente: El País => El País
            Por EFE => EFE
            # it
            ROMA (ANSA) - Il governo ha approvato il decreto. => ANSA
            Fonte: Corriere della Sera => Corriere della Sera
            Di ANSA => ANSA
            # pt
            Fonte: Folha de S.Paulo => Folha de S.Paulo
            Por Agência Brasil => Agência Brasil
            Lisboa, 12 mar (Lusa) - O Governo aprovou hoje o novo plano. => Lusa
            # nl
            Bron: NOS => NOS
            AMSTERDAM (ANP) - Het kabinet heeft vandaag besloten … => ANP
            Door ANP => ANP
            # ru
            Источник: Коммерсантъ => Коммерсантъ
            МОСКВА, 5 марта. /ТАСС/. Правительство утвердило новый план. => TASS
            МОСКВА, 5 мар — РИА Новости. Правительство утвердило план. => RIA Novosti
            # ja
            出典：ITmedia => ITmedia
            出典：産経新聞（2012年5月1日） => 産経新聞
            【ワシントン共同】米政府は５日、新たな制裁を発表した。 => Kyodo
            （文／ITライフハック編集部） => ITライフハック
            Copyright © 2012 Sports Watch All Rights Reserved. => Sports Watch
            # zh
            来源：新华网 => 新华网
            """)
    void attributes(String line, String expected) {
        assertThat(attribute(around(line, true))).as("at the top").contains(expected);
        assertThat(attribute(around(line, false))).as("at the bottom").contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # en: a person's byline, a mention in running text
            By John Smith
            By John Smith and Jane Doe
            By the time the report was published, the company had already moved on.
            According to a report in the Financial Times, the deal is off.
            Source: company reports
            Photo: Getty Images
            © Getty Images
            # de
            Von Max Mustermann
            Von unserer Redaktion
            Dem jüngsten Bericht der Financial Times zufolge hatte Meta gerade viel Geld ausgegeben.
            Von zermürbenden Arbeitszeiten bis hin zum Fehlen einer klaren strategischen Vision.
            Quelle: eigene Recherche
            Willkommen beim WeChat-Konto von iFaner: iFaner (WeChat-ID: ifanr), wo Ihnen Inhalte präsentiert werden.
            # fr
            Par Jean Dupont
            Par la rédaction
            Selon Le Monde, le gouvernement prépare une réforme.
            Par ailleurs, le ministre a annoncé une réforme.
            # es
            Por María García
            Por Redacción
            Según El País, el Gobierno prepara una reforma.
            Por otra parte, el ministro anunció una reforma.
            # it
            Di Mario Rossi
            Di Maio ha detto che il governo andrà avanti.
            Secondo il Corriere della Sera, il governo prepara una riforma.
            # pt
            Por João Silva
            Segundo a Folha de S.Paulo, o governo prepara uma reforma.
            # nl
            Door Jan de Vries
            Volgens de NOS bereidt het kabinet een hervorming voor.
            # ru
            Автор: Иван Петров
            По данным газеты «Ведомости», правительство готовит реформу.
            # ja
            （文／ドロンジョーヌ恩田　イラスト／北条　晶）
            ・前原氏　産経記者の会見出席を拒否(産経ニュース)
            時事通信の報道によると、産経新聞が前原氏を「言うだけ番長」と記載した。
            # an agency in running text, not a dateline or a byline
            The Associated Press (AP) reported the story first.
            By contrast, the Reuters poll showed a lead for the challenger.
            By AFP standards, this was a short dispatch.
            By Reuters, the company said, the figures had been leaked before the announcement.
            Source: the company said it would appeal.
            Quelle: Die Zahlen stammen vom Statistischen Bundesamt.
            Demonstrators gathered in the capital. (AP Photo/Michel Euler)
            """)
    void doesNotAttribute(String line) {
        assertThat(attribute(around(line, true))).as("at the top").isEmpty();
        assertThat(attribute(around(line, false))).as("at the bottom").isEmpty();
    }

    @Test
    void bylineWordAndNameOnSeparateLines() {
        assertThat(attribute("Par\nCTOL Editors - Xia\n6 min de lecture\n\nTexte de l'article.")).contains("CTOL");
        assertThat(attribute("Source:\nReuters\n\nText of the article.")).contains("Reuters");
        assertThat(attribute("By\nJohn Smith\n\nText of the article.")).isEmpty();
    }

    @Test
    void creditLineBeatsByline() {
        String body = "By CNN Staff\n\n" + "Paragraph.\n\n".repeat(5) + "Source: Reuters\n";
        assertThat(attribute(body)).contains("Reuters");
        String dateline = "BERLIN (dpa) - Die Regierung hat beschlossen …\n\n" + "Absatz.\n\n".repeat(5) + "© 2024 Tagesspiegel\n";
        assertThat(attribute(dateline)).contains("Tagesspiegel");
        assertThat(attribute("Von der CTOL-Redaktion\n\nBerlin (dpa) - Die Regierung hat beschlossen …")).contains("dpa");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            © 2024 The Verge. All rights reserved. => The Verge
            © 2024 Le Figaro. Tous droits réservés. => Le Figaro
            © 2024 Der Tagesspiegel => Der Tagesspiegel
            (C) El Universal 2024 => El Universal
            © ANSA => ANSA
            © 2024 Коммерсантъ. Все права защищены. => Коммерсантъ
            (C) 2012 ITmedia Inc. 無断転載を禁じます。 => ITmedia
            """)
    void copyrightFooters(String line, String expected) {
        assertThat(attribute(around(line, false))).contains(expected);
        assertThat(attribute(around(line, true))).as("a bare © line at the top is an image credit").isEmpty();
    }

    @Test
    void bareCopyrightCountsOnlyAtTheEnd() {
        String credit = "(C) 2011 WARNER BROS. ENTERTAINMENT INC";
        assertThat(attribute(around(credit, true))).as("image credit at the top").isEmpty();
        assertThat(attribute("Text.\n\n" + credit + "\n\nMore text.\n\nThe end.")).contains("WARNER BROS. ENTERTAINMENT");
        assertThat(attribute(around("(C) 2011 Warner Bros. Entertainment Inc. All rights reserved.", true))).isEmpty();
        assertThat(attribute(around("© 2024 Tagesspiegel", true))).isEmpty();
        assertThat(attribute(around("© 2024 Tagesspiegel", false))).contains("Tagesspiegel");
        assertThat(attribute(around("Copyright 2012 livedoor. All rights reserved.", true))).contains("livedoor");
    }

    @Test
    void namesWithHyphensAndQuotedPages() {
        assertThat(attribute(around("Quelle: Paul-Ehrlich-Institut", false))).contains("Paul-Ehrlich-Institut");
        assertThat(attribute(around("Quelle: dpa - Deutsche Presse-Agentur", false))).contains("dpa");
        assertThat(attribute(around("引用元：難民問題の背景", false))).isEmpty();
        assertThat(attribute(around("記事提供：テレスコープマガジン", false))).contains("テレスコープマガジン");
    }

    @Test
    void longParagraphsAreMatchedAtTheirEdges() {
        String words = "Die Regierung hat am Montag neue Regeln beschlossen, die im kommenden Jahr gelten sollen. ".repeat(12);
        assertThat(attribute("Berlin (dpa) - " + words + "\n\nEnde.")).contains("dpa");
        assertThat(attribute("Anfang.\n\n" + words + "(APA, 1.2.2015)")).contains("APA");
        assertThat(attribute("Anfang.\n\n" + words + "(APA, 1.2.2015) " + words)).isEmpty();
        assertThat(attribute(words + "\nSource: Reuters " + words)).isEmpty();
    }

    @Test
    void onlyTheFirstAndLastLinesCount() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append(i == 20 ? "Source: Reuters" : "Paragraph " + i + " of the article.").append("\n\n");
        }
        assertThat(attribute(body.toString())).isEmpty();
        List<String> lines = SourceAttributor.candidateLines(body.toString()).stream().map(SourceAttributor.Candidate::text).toList();
        assertThat(lines).hasSize(SourceAttributor.HEAD_LINES + SourceAttributor.TAIL_LINES)
                .startsWith("Paragraph 0 of the article.").endsWith("Paragraph 39 of the article.");
        assertThat(SourceAttributor.candidateLines("a\n\nb\n")).extracting(SourceAttributor.Candidate::text).containsExactly("a", "b");
    }

    @Test
    void candidateLinesWithAnyLineBreaksAndSpaces() {
        String body = "\uFEFF\r\n  first\u00A0 line \r\n\r\nsecond\rthird\u2028fourth\n \t\n";
        assertThat(SourceAttributor.candidateLines(body)).extracting(SourceAttributor.Candidate::text)
                .containsExactly("first line", "second", "third", "fourth");
        assertThat(SourceAttributor.candidateLines(body)).extracting(SourceAttributor.Candidate::last)
                .containsExactly(false, true, true, true);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            many.append("line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n\n");
        }
        List<String> lines = SourceAttributor.candidateLines(many.toString()).stream().map(SourceAttributor.Candidate::text).toList();
        assertThat(lines).hasSize(24).startsWith("line 0", "line 1").endsWith("line 28", "line 29").doesNotContain("line 12", "line 17");
        for (int n = 0; n <= 30; n++) { // head and tail never overlap, whatever the length
            String body2 = "x\n".repeat(n);
            assertThat(SourceAttributor.candidateLines(body2)).hasSize(Math.min(n, 24));
        }
    }

    @Test
    void aDanglingBylineIsNotJoinedAcrossTheOmittedMiddle() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            body.append("Paragraph ").append(i).append(".\n");
        }
        body.append("By\n");
        for (int i = 0; i < 10; i++) {
            body.append("Middle ").append(i).append(".\n");
        }
        body.append("Reuters\n");
        for (int i = 0; i < 11; i++) {
            body.append("End ").append(i).append(".\n");
        }
        assertThat(attribute(body.toString())).isEmpty();
    }

    @Test
    void emptyInput() {
        assertThat(attributor.attribute(null, null)).isEmpty();
        assertThat(attributor.attribute("By Reuters", "  \n ")).isEmpty(); // the title is not looked at
    }

    @Test
    void parseSkipsCommentsAndBlankLinesAndExpandsPlaceholders() {
        List<Pattern> patterns = SourceAttributor.parse(List.of("# a comment", "", "   ",
                "^Brought to you by (?<source>{NAME}){TAIL}", "  ^Via (?<source>[A-Z]\\w+)$  "));
        assertThat(patterns).hasSize(2);
        SourceAttributor custom = new SourceAttributor(patterns);
        assertThat(custom.attribute(null, "Text.\n\nBrought to you by Example Daily.")).contains("Example Daily");
        assertThat(custom.attribute(null, "Text.\n\nVia Newsline")).contains("Newsline");
        assertThat(custom.attribute(null, "By Reuters")).isEmpty();
    }

    @Test
    void aTopLevelAlternationIsSearchedEverywhere() {
        SourceAttributor custom = new SourceAttributor(SourceAttributor.parse(List.of("^Intro$|(?<source>[A-Z]\\w+ Wire)$")));
        assertThat(custom.attribute(null, "Text.\n\nDistributed by Example Wire")).contains("Example Wire");
    }

    @Test
    void configuredPatternsGoFirst() {
        List<Pattern> patterns = new java.util.ArrayList<>(SourceAttributor.parse(List.of("^Distributed by (?<source>{NAME})$")));
        patterns.addAll(SourceAttributor.defaultPatterns());
        SourceAttributor custom = new SourceAttributor(patterns);
        assertThat(custom.attribute(null, "Source: Reuters\n\nText.\n\nDistributed by Example Wire")).contains("Example Wire");
    }

    @Test
    void patternWithoutSourceGroupFailsClearly() {
        assertThatThrownBy(() -> SourceAttributor.parse(List.of("# ok", "^By (?<name>\\w+)$")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(?<source>")
                .hasMessageContaining("pattern 2")
                .hasMessageContaining("^By (?<name>\\w+)$");
        assertThatThrownBy(() -> SourceAttributor.parse(List.of("^By (?<source>[unclosed$")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern 1");
        assertThatThrownBy(() -> new SourceAttributor(List.of(Pattern.compile("^By (\\w+)$"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultPatternsAllCompileWithTheGroup() {
        assertThat(SourceAttributor.defaultPatterns()).hasSizeGreaterThan(10)
                .allSatisfy(p -> assertThat(p.pattern()).contains("(?<source>"));
    }
}
