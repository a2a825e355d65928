package io.leadhouse.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.lead.PhoneNumbers;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadQueriesTest {
    private final LeadQueries queries = new LeadQueries(new LeadAnalyzer(), new PhoneNumbers("IN"));

    @Test
    void buildsNoQueryFromPunctuationAlone() {
        for (String typed : List.of("*?", "\"", "()", "-- +")) {
            assertEquals(false, queries.build(typed).isPresent(), typed);
        }
    }

    @Test
    void stripsSyntaxCharactersAroundWords() {
        assertEquals(true, queries.build("foo:(").isPresent());
    }

    @Test
    void toleratesOneTypoInShortWordsAndTwoInLongOnes() {
        assertEquals(List.of(0, 0, 1, 1, 2),
                List.of(LeadQueries.allowedEdits("as"), LeadQueries.allowedEdits("4321"),
                        LeadQueries.allowedEdits("ash"), LeadQueries.allowedEdits("rishnan"),
                        LeadQueries.allowedEdits("srinivasan")));
    }
}
