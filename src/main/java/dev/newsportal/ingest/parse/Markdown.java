package dev.newsportal.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips light Markdown to plain text, line by line. Not a Markdown parser: it only removes the
 * markup news exports commonly carry (headings, emphasis, links, bullets, quotes, code fences).
 */
final class Markdown {

    /** Plain text, and the index of the line that was the first meaningful heading (-1 if none). */
    record Stripped(String text, int headingLine) {
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT_OR_RULE =
            Pattern.compile("^ {0,3}(?:=+|-{3,}|(?:-\\s*){3,}|(?:\\*\\s*){3,}|(?:_\\s*){3,})\\s*$");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*(?:>\\s?)+");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(?:\\[[ xX]]\\s+)?");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>~|])");

    private static final Pattern[] INLINE = {
        Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)"),          // image: alt text
        Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)"),           // [text](url)
        Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]"),           // [text][ref]
        Pattern.compile("<((?:https?|mailto):[^>\\s]+)>"),      // <https://autolink>
        Pattern.compile("`+([^`]+?)`+"),                        // `code`
        Pattern.compile("\\*\\*(?!\\s)(.+?)(?<!\\s)\\*\\*"),    // **strong**
        Pattern.compile("(?<![\\p{L}\\p{N}])__(?!\\s)(.+?)(?<!\\s)__(?![\\p{L}\\p{N}])"),
        Pattern.compile("~~(?!\\s)(.+?)(?<!\\s)~~"),
        Pattern.compile("(?<![\\p{L}\\p{N}*])\\*(?![\\s*])(.+?)(?<![\\s*])\\*(?![\\p{L}\\p{N}*])"),
        // snake_case words keep their underscores: emphasis needs non-word characters around it.
        Pattern.compile("(?<![\\p{L}\\p{N}_])_(?![\\s_])(.+?)(?<![\\s_])_(?![\\p{L}\\p{N}_])"),
    };

    private Markdown() {
    }

    static Stripped strip(String cleanedText) {
        List<String> lines = new ArrayList<>(List.of(cleanedText.split("\n", -1)));
        dropFrontMatter(lines);
        List<String> out = new ArrayList<>();
        int heading = -1;
        boolean inFence = false;
        for (String line : lines) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                out.add(line);
                continue;
            }
            if (SETEXT_OR_RULE.matcher(line).matches()) {
                // "Title\n=====" or "Title\n-----": the line above is a heading.
                int previous = out.size() - 1;
                boolean underline = !line.strip().startsWith("*") && !line.strip().startsWith("_");
                if (underline && heading < 0 && previous >= 0 && TextCleaner.isMeaningful(out.get(previous))) {
                    heading = previous;
                }
                out.add("");
                continue;
            }
            if (REFERENCE_DEFINITION.matcher(line).matches()) {
                continue;
            }
            Matcher atx = ATX_HEADING.matcher(line);
            if (atx.matches()) {
                String text = inline(atx.group(1) == null ? "" : atx.group(1));
                if (heading < 0 && TextCleaner.isMeaningful(text)) {
                    heading = out.size();
                }
                out.add(text);
                continue;
            }
            String s = QUOTE.matcher(line).replaceFirst("");
            s = BULLET.matcher(s).replaceFirst("");
            out.add(inline(s));
        }
        return new Stripped(String.join("\n", out), heading);
    }

    private static void dropFrontMatter(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) {
                lines.subList(0, i + 1).clear();
                return;
            }
        }
    }

    private static String inline(String line) {
        // Escaped characters are parked in the private use area so emphasis rules cannot touch them.
        String s = ESCAPE.matcher(line).replaceAll(m -> String.valueOf((char) (0xE000 + m.group(1).charAt(0))));
        for (Pattern p : INLINE) {
            s = p.matcher(s).replaceAll("$1");
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.chars().forEach(c -> sb.append(c >= 0xE000 && c < 0xE080 ? (char) (c - 0xE000) : (char) c));
        return sb.toString();
    }
}
