package dev.newsportal.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The {@code cjk_width} token filter, as Elasticsearch's own: full-width Latin to ASCII, half-width Katakana to
 * full-width.
 */
@NamedComponent("cjk_width")
public class CjkWidthTokenFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKWidthFilter(tokenStream);
    }

    // Keeps normalizers and multi-term queries (prefix, wildcard) width-folded too.
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new CJKWidthFilter(tokenStream);
    }
}
