package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code dutch} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words and stem
 * overrides.
 */
@NamedComponent("dutch")
public class DutchAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new DutchAnalyzer();
    }
}
