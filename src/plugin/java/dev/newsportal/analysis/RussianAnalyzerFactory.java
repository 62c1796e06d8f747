package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code russian} analyzer, as Elasticsearch's own: Lucene's analyzer with its default stop words.
 */
@NamedComponent("russian")
public class RussianAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new RussianAnalyzer();
    }
}
