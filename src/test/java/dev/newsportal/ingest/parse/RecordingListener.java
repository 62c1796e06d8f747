package dev.newsportal.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps everything a parse reported, in order. */
class RecordingListener implements ParseListener {

    final List<String> seen = new ArrayList<>();
    final List<ParsedDocument> documents = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void fileSeen(String locator) {
        seen.add(locator);
    }

    @Override
    public void document(ParsedDocument document) {
        documents.add(document);
    }

    @Override
    public void skipped(Skipped skip) {
        skipped.add(skip);
    }

    @Override
    public void warning(String locator, String message) {
        warnings.add(locator + ": " + message);
    }

    ParsedDocument only() {
        assertThat(skipped).as("skipped").isEmpty();
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    ParsedDocument document(String locator) {
        return documents.stream().filter(d -> d.locator().equals(locator)).findFirst()
                .orElseThrow(() -> new AssertionError("no document " + locator + " in " + documents));
    }

    Map<String, String> skipReasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        skipped.forEach(s -> reasons.put(s.locator(), s.reason()));
        return reasons;
    }
}
