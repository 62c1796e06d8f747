package dev.newsportal.ingest.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderParserTest {

    private static final long LIMIT = 2 * 1024 * 1024;

    @TempDir
    Path root;

    private final FolderParser parser = new FolderParser(LIMIT);

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(UTF_8));
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private RecordingListener parse() {
        RecordingListener listener = new RecordingListener();
        parser.parse(root, listener);
        return listener;
    }

    // ---- plain text and Markdown ----

    @Test
    void textTitleIsFirstMeaningfulLineAndBodyIsWhatFollows() throws IOException {
        write("news/a.txt", "\n  \n---\r\nBig headline here   \r\n\r\n\r\n\r\nFirst paragraph.  \r\nSecond line.\r\n\r\n");

        ParsedDocument doc = parse().only();

        assertThat(doc.locator()).isEqualTo("news/a.txt");
        assertThat(doc.title()).isEqualTo("Big headline here");
        assertThat(doc.body()).isEqualTo("First paragraph.\nSecond line.");
        assertThat(doc.id()).isNull();
        assertThat(doc.language()).isNull();
        assertThat(doc.source()).isNull();
        assertThat(doc.published()).isNull();
        assertThat(doc.url()).isNull();
    }

    @Test
    void blankLinesCollapseToOne() throws IOException {
        write("a.txt", "Title line\n\nOne\n\n\n\n\nTwo\t \n\n\nThree");

        assertThat(parse().only().body()).isEqualTo("One\n\nTwo\n\nThree");
    }

    @Test
    void bylineWordsAndShortLinesAreNeverTitles() throws IOException {
        write("a.txt", "12\nPar\nBy:\n東京で\nbody text");

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("東京で");
        assertThat(doc.body()).isEqualTo("body text");
    }

    @Test
    void singleLineFileKeepsItsLineAsBody() throws IOException {
        write("a.txt", "Only one line of news");

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("Only one line of news");
        assertThat(doc.body()).isEqualTo("Only one line of news");
    }

    @Test
    void overlongTitleIsCutAtAWordAndTheBodyKeepsTheLine() throws IOException {
        String longLine = "word ".repeat(100).strip();
        write("a.txt", longLine + "\nsecond line");

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).hasSizeLessThanOrEqualTo(300).endsWith("word…").doesNotContain(" …");
        assertThat(doc.body()).isEqualTo(longLine + "\nsecond line");
    }

    @Test
    void markdownIsStrippedAndTheFirstHeadingIsTheTitle() throws IOException {
        write("a.md", """
                Intro paragraph before the heading.

                ## The *real* headline ##

                Some **bold** and _italic_ text with a [link](https://example.org) and `code`.
                - first bullet
                * second bullet
                1. numbered stays
                > quoted words
                snake_case_name and 2*3*4 stay
                ![a chart](chart.png)
                """);

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("The real headline");
        assertThat(doc.body()).isEqualTo("""
                Intro paragraph before the heading.

                Some bold and italic text with a link and code.
                first bullet
                second bullet
                1. numbered stays
                quoted words
                snake_case_name and 2*3*4 stay
                a chart""");
    }

    @Test
    void markdownSetextHeadingAndFrontMatter() throws IOException {
        write("a.MD", """
                ---
                layout: post
                ---
                Underlined headline
                ===================

                Text \\*not emphasis\\*.
                """);

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("Underlined headline");
        assertThat(doc.body()).isEqualTo("Text *not emphasis*.");
    }

    @Test
    void markdownWithoutHeadingUsesFirstMeaningfulLine() throws IOException {
        write("a.md", "**Bold lead line**\n\nBody [here](http://x).");

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("Bold lead line");
        assertThat(doc.body()).isEqualTo("Body here.");
    }

    // ---- HTML ----

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head>
              <title>Storm hits the coast | Daily Planet</title>
              <meta property="og:site_name" content="Daily Planet">
              <meta property="og:title" content="OG title">
              <meta property="article:published_time" content="2024-03-05T10:15:00+01:00">
              <link rel="canonical" href="https://planet.example/storm">
              <style>body { color: red }</style>
              <script>var tracking = "SCRIPT_TEXT";</script>
            </head><body>
              <header class="site"><a href="/">Daily Planet home</a></header>
              <nav><a href="/world">NAV_WORLD</a> <a href="/sport">NAV_SPORT</a></nav>
              <div id="cookie-banner">We use COOKIES_BANNER. <button>Accept</button></div>
              <main>
                <article>
                  <header><h1>Storm   hits the coast</h1><p class="byline">By Lois Lane</p></header>
                  <p>The storm arrived <b>early</b> on Monday.</p>
                  <p>Winds reached<br>120 km/h.</p>
                  <ul><li>Schools closed</li><li>Trains stopped</li></ul>
                  <div class="share-buttons"><a href="#">SHARE_ON_X</a></div>
                  <noscript>NOSCRIPT_TEXT</noscript>
                  <aside>ASIDE_TEXT</aside>
                  <footer>Filed under weather</footer>
                </article>
                <section id="comments"><h2>Comments</h2>
                  <form><textarea>COMMENT_FORM</textarea><button>Post comment</button></form>
                </section>
              </main>
              <div class="related-articles"><article><h2>RELATED_STORY</h2><p>Other news</p></article></div>
              <footer>SITE_FOOTER</footer>
              <script>document.write("SCRIPT_BODY")</script>
            </body></html>
            """;

    @Test
    void htmlKeepsTheArticleAndDropsBoilerplate() throws IOException {
        write("site/storm.html", PAGE);

        ParsedDocument doc = parse().only();

        assertThat(doc.locator()).isEqualTo("site/storm.html");
        assertThat(doc.title()).isEqualTo("Storm hits the coast");
        assertThat(doc.body()).isEqualTo("""
                By Lois Lane

                The storm arrived early on Monday.

                Winds reached
                120 km/h.

                Schools closed
                Trains stopped

                Filed under weather""");
        assertThat(doc.body()).doesNotContain("SCRIPT", "NAV_", "COOKIE", "COMMENT_FORM", "SHARE_ON_X", "NOSCRIPT",
                "ASIDE_TEXT", "RELATED_STORY", "SITE_FOOTER", "color: red", "Storm hits");
        assertThat(doc.source()).isEqualTo("Daily Planet");
        assertThat(doc.published()).isEqualTo(Instant.parse("2024-03-05T09:15:00Z"));
        assertThat(doc.url()).isEqualTo("https://planet.example/storm");
        assertThat(doc.language()).isNull();
    }

    @Test
    void htmlWithoutArticleUsesBodyAndDropsChrome() throws IOException {
        write("a.htm", """
                <html><head><title>Headline text - Example News</title>
                <meta property="og:site_name" content="Example News">
                <meta property="og:url" content="https://news.example/a"></head>
                <body><header>SITE_HEADER</header><nav>NAV</nav>
                <div class="sidebar">SIDEBAR</div>
                <div class="newsletter-signup">Subscribe to NEWSLETTER</div>
                <div class="content"><p>Paragraph one.</p><p>Paragraph two.</p></div>
                <footer>FOOTER</footer></body></html>
                """);

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("Headline text");
        assertThat(doc.body()).isEqualTo("Paragraph one.\n\nParagraph two.");
        assertThat(doc.url()).isEqualTo("https://news.example/a");
    }

    @Test
    void htmlTitleFallsBackToOgTitleThenFirstLine() throws IOException {
        write("og.html", "<html><head><meta property='og:title' content='From OG'></head>"
                + "<body><p>Text only.</p></body></html>");
        write("plain.html", "<p>A</p><p>First real line</p><p>Rest of it.</p>");

        RecordingListener result = parse();

        assertThat(result.document("og.html").title()).isEqualTo("From OG");
        assertThat(result.document("og.html").body()).isEqualTo("Text only.");
        assertThat(result.document("plain.html").title()).isEqualTo("First real line");
        assertThat(result.document("plain.html").body()).isEqualTo("Rest of it.");
    }

    @Test
    void htmlFormWrappingThePageIsNotBoilerplate() throws IOException {
        write("aspx.html", "<body><form id='aspnetForm'><h1>Wrapped headline</h1><p>Wrapped text.</p></form></body>");

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("Wrapped headline");
        assertThat(doc.body()).isEqualTo("Wrapped text.");
    }

    @Test
    void htmlDeclaringAnotherCharsetIsDecodedWithIt() throws IOException {
        String html = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head>"
                + "<body><h1>Größere Überschrift</h1><p>Straße “quoted”</p></body></html>";
        write("latin.html", html.getBytes(Charset.forName("windows-1252")));

        ParsedDocument doc = parse().only();

        assertThat(doc.title()).isEqualTo("Größere Überschrift");
        assertThat(doc.body()).isEqualTo("Straße “quoted”");
    }

    @Test
    void htmlWithoutTextIsSkipped() throws IOException {
        write("empty.html", "<html><body><script>only()</script><nav>menu</nav></body></html>");

        RecordingListener result = parse();

        assertThat(result.documents).isEmpty();
        assertThat(result.skipReasons()).containsExactly(entry("empty.html", "no readable text in the HTML"));
    }

    @Test
    void unparseablePublishedTimeGivesAWarning() throws IOException {
        write("a.html", "<meta property='article:published_time' content='last Tuesday'><h1>Headline</h1><p>Body.</p>");

        RecordingListener result = parse();

        assertThat(result.only().published()).isNull();
        assertThat(result.warnings).singleElement().asString().startsWith("a.html: ").contains("last Tuesday");
    }

    // ---- JSON ----

    @Test
    void jsonLinesGoodLinesSurviveBadOnes() throws IOException {
        write("feeds/feed.jsonl", """
                {"id": 17, "title": "First", "body": "Body one", "lang": "de-DE", "source": "dpa", "published": "2024-01-02", "url": "https://x/1", "extra": true}

                {"body": "Untitled record\\nwith more", "published": "2024-01-02T03:04:05"}
                {"title": "broken", "body": 
                {"title": "no body"}
                ["not", "an", "object"]
                {"body": "Last one", "lang": "german", "published": "soon"}
                """.replace("\n", "\r\n"));

        RecordingListener result = parse();

        assertThat(result.seen).containsExactly("feeds/feed.jsonl");
        assertThat(result.documents).extracting(ParsedDocument::locator)
                .containsExactly("feeds/feed.jsonl#L1", "feeds/feed.jsonl#L3", "feeds/feed.jsonl#L7");
        ParsedDocument first = result.documents.get(0);
        assertThat(first).isEqualTo(new ParsedDocument("feeds/feed.jsonl#L1", "17", "First", "Body one", "de", "dpa",
                Instant.parse("2024-01-02T00:00:00Z"), "https://x/1"));
        ParsedDocument second = result.documents.get(1);
        assertThat(second.title()).isEqualTo("Untitled record");
        assertThat(second.body()).isEqualTo("Untitled record\nwith more");
        assertThat(second.published()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(result.skipped).hasSize(3);
        assertThat(result.skipped.get(0).locator()).isEqualTo("feeds/feed.jsonl#L4");
        assertThat(result.skipped.get(0).reason()).startsWith("malformed JSON on line 4: ").hasSizeLessThan(160);
        assertThat(result.skipReasons()).contains(
                entry("feeds/feed.jsonl#L5", "record has no body"),
                entry("feeds/feed.jsonl#L6", "record is not a JSON object"));
        assertThat(result.documents.get(2).language()).isNull();
        assertThat(result.documents.get(2).published()).isNull();
        assertThat(result.warnings).hasSize(2).allMatch(w -> w.startsWith("feeds/feed.jsonl#L7: "));
    }

    @Test
    void jsonObjectAndArray() throws IOException {
        write("one.json", "{\"id\": \"abc\", \"body\": \"Single object body\", \"title\": \"  Spaced   title \"}");
        write("many.json", "[{\"body\": \"Element one\"}, 42, {\"title\": \"t\"}, {\"body\": \"Element four\"}]");
        write("broken.json", "{\n  \"body\": \"x\",\n  oops\n}");
        write("scalar.json", "\"just a string\"");

        RecordingListener result = parse();

        assertThat(result.document("one.json").id()).isEqualTo("abc");
        assertThat(result.document("one.json").title()).isEqualTo("Spaced title");
        assertThat(result.documents).extracting(ParsedDocument::locator)
                .containsExactly("many.json#1", "many.json#4", "one.json");
        assertThat(result.skipReasons()).containsEntry("many.json#2", "record is not a JSON object")
                .containsEntry("many.json#3", "record has no body")
                .containsEntry("scalar.json", "JSON file holds neither an object nor an array of objects");
        assertThat(result.skipReasons().get("broken.json")).startsWith("malformed JSON on line 3: ");
    }

    @Test
    void rootThatIsAJsonLinesFileWorks() throws IOException {
        Path feed = write("feed.jsonl", "{\"body\": \"A\\nmore text\", \"title\": \"Alpha\"}\n{\"body\": \"Beta body\"}\n");

        RecordingListener result = new RecordingListener();
        parser.parse(feed, result);

        assertThat(result.seen).containsExactly("feed.jsonl");
        assertThat(result.documents).extracting(ParsedDocument::locator).containsExactly("feed.jsonl#L1", "feed.jsonl#L2");
        assertThat(result.documents.get(1).title()).isEqualTo("Beta body");
    }

    // ---- sidecars ----

    @Test
    void sidecarValuesWinOverTheFile() throws IOException {
        write("a.txt", "Title from file\nBody text");
        write("a.txt.meta.json", """
                {"id": 99, "title": "Sidecar title", "lang": "FR", "source": "AFP",
                 "published": "2024-05-06T07:08:09Z", "url": "https://afp.example/a", "unknown": [1, 2]}
                """);
        write("b.html", PAGE);
        write("b.html.meta.json", "{\"source\": \"Planet Wire\", \"lang\": \"en-GB\"}");

        RecordingListener result = parse();

        assertThat(result.seen).containsExactly("a.txt", "b.html");
        assertThat(result.warnings).isEmpty();
        assertThat(result.document("a.txt")).isEqualTo(new ParsedDocument("a.txt", "99", "Sidecar title",
                "Title from file\nBody text", "fr", "AFP", Instant.parse("2024-05-06T07:08:09Z"), "https://afp.example/a"));
        ParsedDocument page = result.document("b.html");
        assertThat(page.source()).isEqualTo("Planet Wire");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.title()).isEqualTo("Storm hits the coast");
        assertThat(page.url()).isEqualTo("https://planet.example/storm");
    }

    @Test
    void malformedSidecarGivesAWarningAndTheDocument() throws IOException {
        write("a.txt", "Title line\nBody");
        write("a.txt.meta.json", "{\"title\": \"unterminated");

        RecordingListener result = parse();

        ParsedDocument doc = result.only();
        assertThat(doc.title()).isEqualTo("Title line");
        assertThat(result.warnings).singleElement().asString()
                .startsWith("a.txt: ignored sidecar a.txt.meta.json: malformed JSON");
    }

    @Test
    void sidecarForAJsonLinesFileLendsAllButIdAndTitle() throws IOException {
        write("f.jsonl", "{\"body\": \"One\"}\n{\"body\": \"Two\", \"lang\": \"it\"}");
        write("f.jsonl.meta.json", "{\"id\": \"x\", \"source\": \"Feed\", \"lang\": \"es\"}");

        RecordingListener result = parse();

        assertThat(result.documents).extracting(ParsedDocument::id).containsOnlyNulls();
        assertThat(result.documents).extracting(ParsedDocument::source).containsOnly("Feed");
        assertThat(result.documents).extracting(ParsedDocument::language).containsOnly("es");
        assertThat(result.warnings).singleElement().asString().contains("id and title ignored");
    }

    // ---- a folder of good and bad files ----

    @Test
    void badFilesAreSkippedWithReasonsAndGoodOnesDelivered() throws IOException {
        FolderParser small = new FolderParser(1024);
        write("good.txt", "Good headline\nGood body");
        write("empty.txt", "");
        write("blank.md", " \n\t\r\n ");
        byte[] binary = "PK\u0003\u0004 looks like text but".getBytes(UTF_8);
        binary[10] = 0;
        write("data/binary.txt", binary);
        byte[] badUtf8 = "abc\nd".getBytes(UTF_8);
        badUtf8[4] = (byte) 0xC3; // a lead byte followed by nothing
        write("data/bad-utf8.txt", new byte[] {'O', 'k', ' ', 'l', 'i', 'n', 'e', '\n', (byte) 0xFF, 'x'});
        write("data/truncated.txt", badUtf8);
        write("data/huge.txt", "x".repeat(3000));
        write("feed.jsonl", "{\"body\": \"first\"}\n{broken\n{\"body\": \"third\", \"title\": \"Third\"}\n");
        write("picture.PNG", new byte[] {1, 2, 3});
        write("bom.txt", "\uFEFFBOM headline\nBOM body");
        write(".hidden.txt", "Hidden file text");
        write(".git/config.txt", "Hidden folder text");
        write("orphan.txt.meta.json", "{}");

        RecordingListener result = new RecordingListener();
        small.parse(root, result);

        assertThat(result.seen).containsExactly("blank.md", "bom.txt", "data/bad-utf8.txt", "data/binary.txt",
                "data/huge.txt", "data/truncated.txt", "empty.txt", "feed.jsonl", "good.txt", "picture.PNG");
        assertThat(result.documents).extracting(ParsedDocument::locator)
                .containsExactly("bom.txt", "feed.jsonl#L1", "feed.jsonl#L3", "good.txt");
        assertThat(result.document("bom.txt").title()).isEqualTo("BOM headline");
        assertThat(result.document("good.txt").body()).isEqualTo("Good body");
        assertThat(result.skipReasons()).containsOnlyKeys("blank.md", "data/bad-utf8.txt", "data/binary.txt",
                "data/huge.txt", "data/truncated.txt", "empty.txt", "feed.jsonl#L2", "picture.PNG");
        assertThat(result.skipReasons())
                .containsEntry("blank.md", "empty file")
                .containsEntry("empty.txt", "empty file")
                .containsEntry("data/binary.txt", "binary file (contains NUL bytes)")
                .containsEntry("data/bad-utf8.txt", "invalid UTF-8 at byte 8")
                .containsEntry("data/truncated.txt", "invalid UTF-8 at byte 4")
                .containsEntry("data/huge.txt", "file too large: 2.9 KB exceeds the 1 KB limit")
                .containsEntry("picture.PNG", "unsupported file type .png");
        assertThat(result.skipReasons().get("feed.jsonl#L2")).startsWith("malformed JSON on line 2: ");
        assertThat(result.warnings).containsExactly("orphan.txt.meta.json: metadata sidecar without a matching file");
    }

    @Test
    void sizeIsCheckedBeforeReading() throws IOException {
        Path big = root.resolve("big.txt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(5L * 1024 * 1024); // sparse: cheap to create, would be all NULs if read
        }

        RecordingListener result = parse();

        assertThat(result.skipReasons()).containsExactly(entry("big.txt", "file too large: 5 MB exceeds the 2 MB limit"));
    }

    @Test
    void symbolicLinksNeverLeadOutOfRoot(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "Secret headline\nsecret body");
        Path inside = write("real.txt", "Real headline\nreal body");
        Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(root.resolve("links/out.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("links/in.txt"), inside);
        Files.createSymbolicLink(root.resolve("links/dir"), outside);

        RecordingListener result = parse();

        assertThat(result.documents).extracting(ParsedDocument::locator).containsExactly("links/in.txt", "real.txt");
        assertThat(result.skipReasons())
                .containsExactly(entry("links/out.txt", "symbolic link points outside the folder"));
        assertThat(result.warnings).containsExactly("links/dir: symbolic link to a folder not followed");
    }

    @Test
    void parseFileUsesRootForTheLocator() throws IOException {
        Path file = write("x/y/z.txt", "Nested headline\nbody");

        RecordingListener result = new RecordingListener();
        parser.parseFile(root, file, result);

        assertThat(result.only().locator()).isEqualTo("x/y/z.txt");
    }

    @Test
    void missingRootIsReportedNotThrown() {
        RecordingListener result = new RecordingListener();
        parser.parse(root.resolve("nope"), result);

        assertThat(result.skipReasons()).containsExactly(entry("nope", "cannot read folder: no such file"));
    }

    @Test
    void listenerExceptionsPropagateInsteadOfBecomingSkips() throws IOException {
        write("a.txt", "Headline\nbody");
        RecordingListener failing = new RecordingListener() {
            @Override
            public void document(ParsedDocument document) {
                throw new IllegalStateException("index down");
            }
        };

        assertThatThrownBy(() -> parser.parse(root, failing)).hasMessage("index down");
    }
}
