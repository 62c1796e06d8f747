package dev.newsportal.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * The {@code asciifolding} token filter, as Elasticsearch's own, with its {@code preserve_original} setting.
 */
@NamedComponent("asciifolding")
public class AsciiFoldingTokenFilterFactory implements TokenFilterFactory {

    /** The filter's settings, when an index defines it as a filter of this type. */
    @AnalysisSettings
    public interface Settings {
        @BooleanSetting(path = "preserve_original", defaultValue = false)
        boolean preserveOriginal();
    }

    private final boolean preserveOriginal;

    @Inject
    public AsciiFoldingTokenFilterFactory(Settings settings) {
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
    }

    // Keeps normalizers and multi-term queries (prefix, wildcard) folded too; one token out, so no original.
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, false);
    }
}
