package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code italian} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words and
 * elisions.
 */
@NamedComponent("italian")
public class ItalianAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new ItalianAnalyzer();
    }
}
