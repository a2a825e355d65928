package io.leadhouse.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhoneDigitsTest {

    @Test
    void indexesEverySuffixOfSevenOrMoreDigits() {
        assertEquals(
                List.of("919876543210", "19876543210", "9876543210", "876543210", "76543210", "6543210"),
                List.copyOf(PhoneDigits.indexTerms("+919876543210")));
    }

    @Test
    void indexesRawNumberWithoutItsTrunkZero() {
        assertEquals(Set.of("09876543210", "9876543210", "876543210", "76543210", "6543210"),
                PhoneDigits.indexTerms("098765-43210"));
    }

    @Test
    void queriesDigitsWithAndWithoutLeadingZeros() {
        assertEquals(List.of("00919876543210", "919876543210"),
                List.copyOf(PhoneDigits.queryTerms("0091 98765 43210")));
    }

    @Test
    void ignoresQueriesUnderSevenDigits() {
        assertEquals(Set.of(), PhoneDigits.queryTerms("43-210"));
    }

    @Test
    void readsOnlyDigitsAndSeparatorsAsPhone() {
        assertEquals(List.of(true, true, false, false),
                List.of(PhoneDigits.looksLikePhone("+91 (98765) 43210"), PhoneDigits.looksLikePhone("98765-43210"),
                        PhoneDigits.looksLikePhone("Asha 9876543210"), PhoneDigits.looksLikePhone("12-34")));
    }
}
