package al.sportel.server.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code on the bill is typed as people type it, and the demo's codes never change. */
class BillCodesTest {

    @Test
    void aCodeIsReadWithOrWithoutDashSpaceOrCapitals() {
        assertThat(BillCodes.normalize("k7m-2qx")).contains("K7M2QX");
        assertThat(BillCodes.normalize(" K7M 2QX ")).contains("K7M2QX");
        assertThat(BillCodes.normalize("K7M-2Q")).isEmpty();
        assertThat(BillCodes.normalize("K7M-2Q0")).as("0 is not in the alphabet (it looks like O)").isEmpty();
        assertThat(BillCodes.normalize("2450,00")).isEmpty();
        assertThat(BillCodes.display("K7M2QX")).isEqualTo("K7M-2QX");
    }

    @Test
    void newCodesUseTheAlphabetAndTheDemosAreFixed() {
        for (int i = 0; i < 200; i++) {
            assertThat(BillCodes.normalize(BillCodes.newCode())).isPresent();
        }
        assertThat(BillCodes.display(BillCodes.forDemo("100001", 1))).isEqualTo("47X-T9Q"); // the README shows this one
    }
}
