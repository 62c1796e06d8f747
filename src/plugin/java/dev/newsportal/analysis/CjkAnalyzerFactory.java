package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code cjk} analyzer, as Elasticsearch's own: width folding, lower case, and bigrams of Han, Hiragana,
 * Katakana and Hangul.
 */
@NamedComponent("cjk")
public class CjkAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new CJKAnalyzer();
    }
}
