package io.leadhouse.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    private final PhoneNumbers phones = new PhoneNumbers("IN");

    @Test
    void givesE164FormOfAValidLocalNumber() {
        assertEquals(Optional.of("+919876543210"), phones.toE164("098765 43210"));
    }

    @Test
    void givesNoE164FormForAPossibleButInvalidNumber() {
        assertEquals(Optional.empty(), phones.toE164("98100150 0000"));
    }

    @Test
    void givesNoE164FormForText() {
        assertEquals(Optional.empty(), phones.toE164("<test lead: dummy data for phone_number>"));
    }
}
