package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code french} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words and elisions.
 */
@NamedComponent("french")
public class FrenchAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new FrenchAnalyzer();
    }
}
