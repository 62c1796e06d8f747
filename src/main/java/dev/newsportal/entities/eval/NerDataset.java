package dev.newsportal.entities.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Annotated sentences: CoNLL-style ({@code index TAB token TAB BIO-tag}) or the stockmark JSON format. */
public final class NerDataset {

    /** A gold or predicted name: type ({@code PER}, {@code ORG}, ...) and character offsets in the sentence. */
    public record Span(String type, int start, int end) {
    }

    /** One annotated sentence. */
    public record Sentence(String text, List<Span> spans) {
    }

    /** Stockmark types: 人名 is PER and 法人名 is ORG, as the issue scores them; the others keep their name. */
    static final Map<String, String> STOCKMARK_TYPES = Map.of("人名", "PER", "法人名", "ORG");

    private NerDataset() {
    }

    public static List<Sentence> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return name.endsWith(".json") ? readStockmark(in) : readConll(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * CoNLL-style: one token a line, {@code index TAB token TAB tag} (or {@code token TAB tag}: the last two columns
     * count), blank line between sentences. The sentence text is the tokens joined with single spaces. Tags are
     * BIO ({@code B-PER}, {@code I-PER}, {@code O}); an {@code I-} tag after a different type starts a span.
     */
    public static List<Sentence> readConll(String content) {
        List<Sentence> sentences = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        String openType = null;
        int openStart = -1;
        int lastEnd = 0;
        for (String line : content.split("\n", -1)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                if (line.isEmpty() && text.length() > 0) {
                    if (openType != null) {
                        spans.add(new Span(openType, openStart, lastEnd));
                    }
                    sentences.add(new Sentence(text.toString(), List.copyOf(spans)));
                    text.setLength(0);
                    spans.clear();
                    openType = null;
                }
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length < 2) {
                continue;
            }
            String token = cols[cols.length - 2];
            String tag = cols[cols.length - 1];
            if (text.length() > 0) {
                text.append(' ');
            }
            int start = text.length();
            text.append(token);
            int end = text.length();
            String type = tag.equals("O") ? null : tag.substring(tag.indexOf('-') + 1);
            boolean begins = tag.startsWith("B-") || (type != null && !type.equals(openType));
            if (openType != null && (type == null || begins)) {
                spans.add(new Span(openType, openStart, lastEnd));
                openType = null;
            }
            if (type != null && begins) {
                openType = type;
                openStart = start;
            }
            lastEnd = end;
        }
        if (text.length() > 0) {
            if (openType != null) {
                spans.add(new Span(openType, openStart, lastEnd));
            }
            sentences.add(new Sentence(text.toString(), List.copyOf(spans)));
        }
        return sentences;
    }

    /** Stockmark: a JSON list of {@code {curid, text, entities: [{name, span: [start, end], type}]}}. */
    public static List<Sentence> readStockmark(InputStream in) {
        JsonNode root = JsonMapper.builder().build().readTree(in);
        List<Sentence> sentences = new ArrayList<>();
        for (JsonNode record : root) {
            String text = record.path("text").asString();
            List<Span> spans = new ArrayList<>();
            for (JsonNode e : record.path("entities")) {
                String type = e.path("type").asString();
                spans.add(new Span(STOCKMARK_TYPES.getOrDefault(type, type), e.path("span").get(0).asInt(),
                        e.path("span").get(1).asInt()));
            }
            sentences.add(new Sentence(text, List.copyOf(spans)));
        }
        return sentences;
    }
}
