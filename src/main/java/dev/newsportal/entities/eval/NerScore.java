package dev.newsportal.entities.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Exact-span precision, recall and F1 per type: a prediction counts only with the same type, start and end. */
public final class NerScore {

    /** Counts of one type. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public int tp() {
            return tp;
        }

        public int fp() {
            return fp;
        }

        public int fn() {
            return fn;
        }

        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private int sentences;

    /** @param types the scored types, in output order ({@code PER}, {@code ORG}) */
    public NerScore(List<String> types) {
        types.forEach(t -> counts.put(t, new Counts()));
    }

    /** Adds one sentence; spans of types that are not scored are ignored on both sides. */
    public void add(List<NerDataset.Span> gold, List<NerDataset.Span> predicted) {
        sentences++;
        Set<NerDataset.Span> goldSet = new HashSet<>();
        for (NerDataset.Span g : gold) {
            if (counts.containsKey(g.type())) {
                goldSet.add(g);
            }
        }
        Set<NerDataset.Span> seen = new HashSet<>();
        for (NerDataset.Span p : predicted) {
            Counts c = counts.get(p.type());
            if (c == null || !seen.add(p)) {
                continue;
            }
            if (goldSet.contains(p)) {
                c.tp++;
            } else {
                c.fp++;
            }
        }
        for (NerDataset.Span g : goldSet) {
            if (!seen.contains(g)) {
                counts.get(g.type()).fn++;
            }
        }
    }

    public Counts counts(String type) {
        return counts.get(type);
    }

    public int sentences() {
        return sentences;
    }

    /** One JSON object per type: {@code {"set":..,"type":..,"precision":..,"recall":..,"f1":..,"tp":..,...}}. */
    public List<String> toJsonLines(String set) {
        return counts.entrySet().stream().map(e -> {
            Counts c = e.getValue();
            return String.format(Locale.ROOT,
                    "{\"set\":\"%s\",\"type\":\"%s\",\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,"
                            + "\"tp\":%d,\"fp\":%d,\"fn\":%d,\"sentences\":%d}",
                    set.replace("\"", ""), e.getKey(), c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn, sentences);
        }).toList();
    }
}
