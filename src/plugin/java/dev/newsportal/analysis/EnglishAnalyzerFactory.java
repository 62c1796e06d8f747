package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code english} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words.
 */
@NamedComponent("english")
public class EnglishAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new EnglishAnalyzer();
    }
}
