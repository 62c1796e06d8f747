package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code german} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words.
 */
@NamedComponent("german")
public class GermanAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new GermanAnalyzer();
    }
}
