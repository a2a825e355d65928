package io.leadhouse.search;

import io.leadhouse.lead.PhoneNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the Lucene query for what a user typed in the search box. The text is never given to
 * Lucene's query parser: it is split into words and turned into term, prefix and fuzzy queries
 * directly, so syntax characters in user input are plain characters. Every word must match a name,
 * the free text or the email; a text that reads as a phone number also matches the lead's number
 * on its own. Thread-safe.
 */
final class LeadQueries {
    /** Words after this many are ignored: each word expands into several queries. */
    static final int MAX_WORDS = 8;
    private static final int FUZZY_EXPANSIONS = 20;

    private final Analyzer analyzer;
    private final PhoneNumbers phones;

    LeadQueries(Analyzer analyzer, PhoneNumbers phones) {
        this.analyzer = analyzer;
        this.phones = phones;
    }

    /** The query for {@code typed}, or empty when it holds nothing to search for (no letters or digits). */
    Optional<Query> build(String typed) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        boolean any = false;
        if (PhoneDigits.looksLikePhone(typed)) {
            query.add(phoneQuery(typed), Occur.SHOULD);
            any = true;
        }
        Optional<Query> words = wordsQuery(typed);
        if (words.isPresent()) {
            query.add(words.get(), Occur.SHOULD);
            any = true;
        }
        return any ? Optional.of(query.build()) : Optional.empty();
    }

    private Optional<Query> wordsQuery(String typed) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int count = 0;
        for (String word : typed.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (count == MAX_WORDS) {
                break;
            }
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                all.add(wordQuery(word), Occur.MUST);
                count++;
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(all.build());
    }

    /** One whitespace-separated word: an email (whole, domain or beginning), a phone number, or text. */
    private Query wordQuery(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(boost(new TermQuery(new Term(LeadDocuments.EMAIL, word)), 8), Occur.SHOULD);
        String domain = word.startsWith("@") ? word.substring(1) : word;
        if (domain.contains(".")) {
            any.add(boost(new TermQuery(new Term(LeadDocuments.EMAIL_DOMAIN, domain)), 4), Occur.SHOULD);
        }
        if (word.indexOf('@') > 0) {
            any.add(boost(new PrefixQuery(new Term(LeadDocuments.EMAIL, word)), 4), Occur.SHOULD);
        }
        if (PhoneDigits.looksLikePhone(word)) {
            any.add(phoneQuery(word), Occur.SHOULD);
        }
        List<String> tokens = tokens(word);
        if (!tokens.isEmpty()) {
            BooleanQuery.Builder everyToken = new BooleanQuery.Builder();
            tokens.forEach(token -> everyToken.add(tokenQuery(token), Occur.MUST));
            any.add(everyToken.build(), Occur.SHOULD);
        }
        return any.build();
    }

    /** One analyzed token: exact, prefix and, past two letters, fuzzy, in the name and the free text. */
    private static Query tokenQuery(String token) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(boost(new TermQuery(new Term(LeadDocuments.NAME, token)), 6), Occur.SHOULD);
        any.add(boost(new PrefixQuery(new Term(LeadDocuments.NAME, token)), 4), Occur.SHOULD);
        any.add(boost(new TermQuery(new Term(LeadDocuments.TEXT, token)), 3), Occur.SHOULD);
        any.add(boost(new PrefixQuery(new Term(LeadDocuments.TEXT, token)), 2), Occur.SHOULD);
        int edits = allowedEdits(token);
        if (edits > 0) {
            any.add(fuzzy(LeadDocuments.NAME, token, edits), Occur.SHOULD);
            any.add(boost(fuzzy(LeadDocuments.TEXT, token, edits), 0.5f), Occur.SHOULD);
        }
        return any.build();
    }

    /** Typos tolerated in a token: none in short words or numbers, one up to seven letters, else two. */
    static int allowedEdits(String token) {
        if (token.length() < 3 || token.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        return token.length() < 8 ? 1 : 2;
    }

    private Query phoneQuery(String typed) {
        Set<String> terms = new LinkedHashSet<>(PhoneDigits.queryTerms(typed));
        phones.toE164(typed).ifPresent(e164 -> terms.addAll(PhoneDigits.queryTerms(e164)));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(digits -> any.add(new TermQuery(new Term(LeadDocuments.PHONE, digits)), Occur.SHOULD));
        return boost(new ConstantScoreQuery(any.build()), 10);
    }

    private static Query fuzzy(String field, String token, int edits) {
        return new FuzzyQuery(new Term(field, token), edits, 0, FUZZY_EXPANSIONS, true);
    }

    private static Query boost(Query query, float boost) {
        return new BoostQuery(query, boost);
    }

    /** The analyzer's tokens of {@code word}, as the index holds them. */
    private List<String> tokens(String word) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LeadDocuments.TEXT, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Reading a String cannot fail; a failure here is a bug in the analyzer chain.
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
