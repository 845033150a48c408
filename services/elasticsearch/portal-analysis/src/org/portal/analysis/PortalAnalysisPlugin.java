/*
 * The analysis components the portal's indexes use, for an Elasticsearch 8 node that has no
 * analysis-common module (the integ-test distribution published on Maven Central ships only
 * transport, security and APM). Each component is the Lucene filter or tokenizer that
 * analysis-common registers under the same name, with the same parameters and defaults, so
 * the mappings in search/backends/elasticsearch.py and django-modelsearch's settings are
 * accepted unchanged. Used by scripts/elasticsearch for development, CI and benchmarks only:
 * a production cluster has analysis-common and does not need this plugin.
 */
package org.portal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

public class PortalAnalysisPlugin extends Plugin implements AnalysisPlugin {

    /** A filter factory from a name and a function of the stream; normalizing ones also
     *  apply to keyword normalisation and wildcard terms, as analysis-common's do. */
    private static TokenFilterFactory filter(String name, boolean normalizing, Function<TokenStream, TokenStream> fn) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                return fn.apply(tokenStream);
            }

            @Override
            public TokenStream normalize(TokenStream tokenStream) {
                return normalizing ? fn.apply(tokenStream) : tokenStream;
            }
        };
    }

    private static Function<TokenStream, TokenStream> stemmer(String language) {
        switch (language) {
            case "english":
            case "porter":
                return PorterStemFilter::new;
            case "light_english":
            case "kstem":
                return KStemFilter::new;
            case "minimal_english":
                return EnglishMinimalStemFilter::new;
            case "possessive_english":
                return EnglishPossessiveFilter::new;
            case "light_spanish":
            case "spanish":
                return SpanishLightStemFilter::new;
            case "light_french":
            case "french":
                return FrenchLightStemFilter::new;
            case "minimal_french":
                return FrenchMinimalStemFilter::new;
            default:
                throw new IllegalArgumentException("stemmer language [" + language + "] is not provided by portal-analysis");
        }
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        filters.put("lowercase", (index, env, name, settings) -> filter(name, true, LowerCaseFilter::new));
        filters.put("asciifolding", (index, env, name, settings) -> {
            boolean preserve = settings.getAsBoolean("preserve_original", false);
            return filter(name, true, ts -> new ASCIIFoldingFilter(ts, preserve));
        });
        filters.put("stemmer", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            String language = settings.get("language", settings.get("name", "porter"));
            return filter(name, false, stemmer(language));
        }));
        filters.put("elision", AnalysisPlugin.requiresAnalysisSettings((index, env, name, settings) -> {
            List<String> articles = settings.getAsList("articles", List.of());
            if (articles.isEmpty()) {
                throw new IllegalArgumentException("elision filter [" + name + "] requires [articles]");
            }
            CharArraySet set = new CharArraySet(articles, settings.getAsBoolean("articles_case", false));
            return filter(name, false, ts -> new ElisionFilter(ts, set));
        }));
        filters.put("ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            boolean preserve = settings.getAsBoolean("preserve_original", false);
            return filter(name, false, ts -> new NGramTokenFilter(ts, min, max, preserve));
        });
        filters.put("edge_ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            boolean preserve = settings.getAsBoolean("preserve_original", false);
            return filter(name, false, ts -> new EdgeNGramTokenFilter(ts, min, max, preserve));
        });
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> tokenizers = new TreeMap<>();
        tokenizers.put("ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            return TokenizerFactory.newFactory(name, () -> new NGramTokenizer(min, max));
        });
        tokenizers.put("edge_ngram", (index, env, name, settings) -> {
            int min = settings.getAsInt("min_gram", 1);
            int max = settings.getAsInt("max_gram", 2);
            return TokenizerFactory.newFactory(name, () -> new EdgeNGramTokenizer(min, max));
        });
        return tokenizers;
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        List<PreConfiguredTokenFilter> filters = new ArrayList<>();
        filters.add(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
        return filters;
    }

}
