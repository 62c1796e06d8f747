package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code portuguese} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words.
 */
@NamedComponent("portuguese")
public class PortugueseAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new PortugueseAnalyzer();
    }
}
