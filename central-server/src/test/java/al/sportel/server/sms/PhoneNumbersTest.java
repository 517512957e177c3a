package al.sportel.server.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void oneAlbanianMobileTypedFiveWaysIsOneNumber() {
        for (String typed : new String[] {"+355 69 123 4567", "069 123 4567", "00355691234567", "355691234567", "69-123-4567"}) {
            assertThat(PhoneNumbers.normalize(typed)).as(typed).contains("+355691234567");
        }
    }

    @Test
    void aForeignNumberKeepsItsCountryAndNonsenseIsNoNumber() {
        assertThat(PhoneNumbers.normalize("+39 333 123 4567")).contains("+393331234567");
        assertThat(PhoneNumbers.normalize("393331234567")).as("a foreign number typed without +").contains("+393331234567");
        assertThat(PhoneNumbers.normalize("4915112345678")).contains("+4915112345678");
        assertThat(PhoneNumbers.normalize("+00355691234567")).isEmpty();
        assertThat(PhoneNumbers.normalize("call me")).isEmpty();
        assertThat(PhoneNumbers.normalize("12345")).isEmpty();
        assertThat(PhoneNumbers.normalize("+1234567890123456")).isEmpty();
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }
}
