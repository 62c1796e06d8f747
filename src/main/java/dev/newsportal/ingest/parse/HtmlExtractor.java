package dev.newsportal.ingest.parse;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Main text, title and head metadata of a news page. */
final class HtmlExtractor {

    /**
     * What a page gave. {@code title} is null when only the first-line fallback is left, in which
     * case the caller splits it off the body like for plain text.
     */
    record Extracted(String title, String body, Metadata metadata) {
    }

    /** Never text a reader sees as part of the article. */
    private static final String NEVER_TEXT = "script, style, noscript, template, svg, iframe, object, embed, canvas";
    /** Page chrome; removed unless it wraps the content itself (see {@link #wrapsContent}). */
    private static final Set<String> CHROME_TAGS =
            Set.of("nav", "aside", "form", "button", "dialog", "select", "textarea", "input");
    private static final List<String> BOILERPLATE_WORDS = List.of("comment", "share", "related", "cookie",
            "newsletter", "subscribe", "sidebar", "breadcrumb", "promo", "advert", "social");

    /** Blocks that end a paragraph (blank line) and blocks that only end a line. */
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "hr", "address", "section", "article",
            "header", "footer", "main", "details");
    private static final Set<String> LINE_TAGS = Set.of("div", "li", "dt", "dd", "tr", "br", "figcaption",
            "caption", "summary", "legend");

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u200B]+");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·:]\\s+");

    private HtmlExtractor() {
    }

    static Extracted extract(String html, Consumer<String> warnings) {
        Document doc = Jsoup.parse(html);
        doc.select(NEVER_TEXT).remove();

        String siteName = meta(doc, "og:site_name");
        String url = attr(doc.selectFirst("link[rel=canonical][href]"), "href");
        Metadata metadata = new Metadata(null, null, null, siteName,
                Metadata.published(meta(doc, "article:published_time"), warnings),
                url != null ? url : meta(doc, "og:url"));

        Element root = chooseRoot(doc);
        removeBoilerplate(root);

        String title = null;
        Element h1 = root.select("h1").stream().filter(e -> !e.text().isBlank()).findFirst().orElse(null);
        if (h1 != null) {
            String headline = TextCleaner.collapse(h1.text());
            title = TextCleaner.title(headline);
            // The headline is the title: keep it out of the body, unless it had to be shortened.
            if (title.equals(headline)) {
                h1.remove();
            }
        }
        String body = text(root);
        if (body.isBlank() && h1 != null) {
            body = TextCleaner.clean(h1.text());
        }
        if (title == null) {
            title = withoutSiteSuffix(meta(doc, "og:title"), siteName);
        }
        if (title == null) {
            title = withoutSiteSuffix(doc.title(), siteName);
        }
        return new Extracted(title == null ? null : TextCleaner.title(title), body, metadata);
    }

    /**
     * The biggest {@code <article>} neither in nor itself looking like boilerplate (related-story
     * cards are articles too), else {@code <main>}, else {@code <body>}.
     */
    private static Element chooseRoot(Document doc) {
        Element article = doc.select("article").stream()
                .filter(a -> !looksLikeBoilerplate(a) && a.parents().stream().noneMatch(HtmlExtractor::looksLikeBoilerplate))
                .filter(a -> !a.text().isBlank())
                .max(Comparator.comparingInt(a -> a.text().length()))
                .orElse(null);
        if (article != null) {
            return article;
        }
        Element main = doc.selectFirst("main");
        if (main != null && !main.text().isBlank()) {
            return main;
        }
        return doc.body();
    }

    private static void removeBoilerplate(Element root) {
        for (Element e : root.getAllElements()) {
            if (e == root || e.parent() == null) {
                continue;
            }
            String tag = e.normalName();
            // A site header/footer goes, an article's own header (headline, byline) stays.
            boolean chromeBlock = (tag.equals("header") || tag.equals("footer")) && e.closest("article") == null;
            if (chromeBlock || isBoilerplate(e)) {
                e.remove();
            }
        }
    }

    private static boolean isBoilerplate(Element e) {
        return looksLikeBoilerplate(e) && !wrapsContent(e);
    }

    /** Chrome tags, or an id/class naming comments, sharing, related links, cookie banners and the like. */
    private static boolean looksLikeBoilerplate(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html")) {
            return false;
        }
        if (CHROME_TAGS.contains(tag)) {
            return true;
        }
        String names = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
        return BOILERPLATE_WORDS.stream().anyMatch(names::contains);
    }

    /**
     * Some sites wrap the whole page in a form or give the article wrapper a class like
     * "has-comments": an element holding the headline or the article is never boilerplate.
     */
    private static boolean wrapsContent(Element e) {
        return e.select("h1, main, article").stream().anyMatch(d -> d != e);
    }

    /** Block structure kept as lines, inline whitespace collapsed, {@code <pre>} kept verbatim. */
    static String text(Element root) {
        StringBuilder sb = new StringBuilder();
        root.traverse(new NodeVisitor() {
            private int pre;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(pre > 0 ? t.getWholeText() : SPACES.matcher(t.getWholeText().replace('\n', ' '))
                            .replaceAll(" "));
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("pre")) {
                        pre++;
                    }
                    breakFor(e);
                    if (e.normalName().equals("td") || e.normalName().equals("th")) {
                        sb.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("pre")) {
                        pre--;
                    }
                    if (!e.normalName().equals("br")) {
                        breakFor(e);
                    }
                }
            }

            private void breakFor(Element e) {
                if (PARAGRAPH_TAGS.contains(e.normalName())) {
                    breaks(2);
                } else if (LINE_TAGS.contains(e.normalName())) {
                    breaks(e.normalName().equals("br") ? -1 : 1);
                }
            }

            /**
             * Ends the current line with at least {@code n} newlines, so nested or adjacent blocks
             * ("</li><li>") do not pile up blank lines; -1 always adds one (consecutive {@code <br>}s).
             */
            private void breaks(int n) {
                int end = sb.length();
                while (end > 0 && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '\t')) {
                    end--;
                }
                sb.setLength(end);
                if (n < 0) {
                    sb.append('\n');
                    return;
                }
                int have = 0;
                while (have < end && sb.charAt(end - 1 - have) == '\n') {
                    have++;
                }
                if (have < end) {
                    sb.append("\n".repeat(Math.max(0, n - have)));
                }
            }
        });
        String[] lines = sb.toString().replace("\r", "").split("\n", -1);
        StringBuilder out = new StringBuilder(sb.length());
        for (String line : lines) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return TextCleaner.clean(out.toString());
    }

    /** "Headline | Site" or "Headline - Site" loses the suffix when it is the site's name. */
    static String withoutSiteSuffix(String title, String siteName) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        if (siteName != null) {
            var m = TITLE_SEPARATOR.matcher(t);
            int lastStart = -1;
            int lastEnd = -1;
            while (m.find()) {
                lastStart = m.start();
                lastEnd = m.end();
            }
            if (lastStart > 0 && t.substring(lastEnd).strip().equalsIgnoreCase(siteName.strip())) {
                t = t.substring(0, lastStart).strip();
            }
        }
        return t.isEmpty() ? null : t;
    }

    private static String meta(Document doc, String property) {
        for (Element m : doc.select("meta[property=\"" + property + "\"], meta[name=\"" + property + "\"]")) {
            String content = attr(m, "content");
            if (content != null) {
                return content;
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.attr(name).strip();
        return v.isEmpty() ? null : v;
    }
}
