package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code spanish} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words.
 */
@NamedComponent("spanish")
public class SpanishAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new SpanishAnalyzer();
    }
}
