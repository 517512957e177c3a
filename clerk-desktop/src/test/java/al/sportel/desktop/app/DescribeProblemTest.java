package al.sportel.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A refusal from the server reads in the screen's language when this client knows its type, else in the server's words. */
class DescribeProblemTest {

    private final I18n sq = new I18n("sq");
    private final I18n en = new I18n("en");

    @Test
    void aKnownProblemTypeIsToldInTheScreensLanguage() {
        ApiException busy = new ApiException(409, "counter-busy", "Ticket P004 is still at counter 3; finish or return it before closing", 0);

        assertThat(AppContext.describe(sq, busy)).isEqualTo("Sporteli ka ende një biletë të thirrur ose në shërbim; "
                + "përfundojeni ose kthejeni në radhë më parë.").doesNotContain("Ticket");
        assertThat(AppContext.describe(en, busy)).isEqualTo(en.t("problem.counterBusy")).doesNotContain("P004");
        assertThat(AppContext.describe(sq, new ApiException(409, "own-account", "You cannot disable yourself", 0)))
                .isEqualTo("Nuk mund ta çaktivizoni veten dhe as t'i hiqni vetes rolin e administratorit.");
        assertThat(AppContext.describe(sq, new ApiException(409, "letter-taken", "Branch DR01 already has a service P", 0)))
                .isEqualTo(sq.t("problem.letterTaken"));
        // the counter's everyday refusals: a no-show's grace over, a ticket of another queue, fiscal set-up gaps
        assertThat(AppContext.describe(sq, new ApiException(409, "grace-period-over",
                "Ticket P023 was marked a no-show 17 minutes ago; it can come back within 10 minutes only", 0)))
                .isEqualTo("Koha që bileta e munguar të kthehet në radhë ka kaluar.");
        for (String type : new String[] {"not-for-this-counter", "ticket-not-at-counter", "already-voided", "fiscal-no-tcr",
                "fiscal-no-operator", "reversed-before-payment"}) {
            assertThat(AppContext.describe(sq, new ApiException(409, type, "English detail", 0))).as(type)
                    .doesNotContain("English detail").isNotBlank();
        }
    }

    @Test
    void anUnknownTypeOrNoTypeKeepsTheServersDetail() {
        assertThat(AppContext.describe(sq, new ApiException(409, "something-new", "A reason only the server knows", 0)))
                .isEqualTo("A reason only the server knows");
        assertThat(AppContext.describe(sq, new ApiException(422, "validation", "Some fields are missing or invalid: branchCode no such branch", 0)))
                .as("field errors name the fields: kept").contains("branchCode no such branch");
        assertThat(AppContext.describe(sq, new ApiException(502, null, "Bad Gateway", 0))).isEqualTo("Bad Gateway");
    }

    @Test
    void aLostConnectionStillSaysSoWhateverItsType() {
        assertThat(AppContext.describe(sq, ApiException.unreachable(new IOException("connect refused"))))
                .isEqualTo(sq.t("action.unreachable"));
        assertThat(AppContext.describe(en, ApiException.unreachable(new IOException("connect refused"))))
                .isEqualTo(en.t("action.unreachable"));
    }
}
