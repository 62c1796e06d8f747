package dev.newsportal.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/**
 * The {@code kuromoji} analyzer, as the analysis-kuromoji module's with no settings: no user dictionary, search mode
 * (compounds also yield their parts, so a search for 空港 finds 関西国際空港), default stop words and stop tags.
 */
@NamedComponent("kuromoji")
public class KuromojiAnalyzerFactory implements AnalyzerFactory {

    @Override
    public Analyzer create() {
        return new JapaneseAnalyzer();
    }
}
