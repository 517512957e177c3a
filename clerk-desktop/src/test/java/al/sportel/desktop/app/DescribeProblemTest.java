package al.sportel.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.api.Refusal;
import al.sportel.model.Problem.FieldError;
import al.sportel.model.billing.PaymentRequest;
import java.io.IOException;
import java.util.List;
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
    void theCommonFieldErrorsOfAPaymentAreToldInTheScreensLanguageWithAmountsAsScreensWriteThem() {
        ApiException owed = invalid(new FieldError("amount", "is more than the customer owes (2450.50 lek)"));
        assertThat(AppContext.describe(sq, owed)).isEqualTo("Shuma është më e madhe se sa detyrohet klienti tani: 2 450,50 L.");
        assertThat(AppContext.describe(en, owed)).isEqualTo("The amount is more than the customer now owes: 2 450,50 L.");
        assertThat(AppContext.describe(sq, invalid(new FieldError("customerCode", "no customer with this code"))))
                .isEqualTo("Nuk ka klient me këtë kod.");
        assertThat(AppContext.describe(sq, invalid(new FieldError("tendered", "is less than the amount"))))
                .isEqualTo("Shuma e dhënë nga klienti është më e vogël se pagesa.");
        assertThat(AppContext.describe(sq, invalid(new FieldError("tendered", "is less than the fee (1200.00 lek)"))))
                .isEqualTo("Shuma e dhënë nga klienti është më e vogël se tarifa (1 200,00 L).");
        assertThat(AppContext.describe(sq, invalid(new FieldError("takenAt", "is older than 48 hours; " + PaymentRequest.PAST_WINDOW))))
                .isEqualTo("Pagesa u mor pa lidhje më shumë se 48 orë më parë: duhet ta regjistrojë një mbikëqyrës.");
        // a field this client has no text for keeps the server's words, next to the ones it has
        assertThat(AppContext.describe(sq, invalid(new FieldError("amount", "is more than the customer owes (10.00 lek)"),
                new FieldError("phone", "must be at most 30 characters"))))
                .isEqualTo("Shuma është më e madhe se sa detyrohet klienti tani: 10,00 L. phone must be at most 30 characters.");
    }

    @Test
    void theFiscalAndRemoteTicketRefusalsAreToldInTheScreensLanguage() {
        assertThat(AppContext.describe(sq, new ApiException(409, "fiscal-initial-done",
                "Today's initial cash is already registered for this counter", 0)))
                .isEqualTo("Paratë fillestare të sotme të këtij sporteli janë regjistruar tashmë.");
        for (String type : new String[] {"fiscal-not-configured", "recalled-once"}) {
            assertThat(AppContext.describe(sq, new ApiException(409, type, "English detail", 0))).as(type)
                    .doesNotContain("English detail").isNotBlank();
            assertThat(AppContext.describe(en, new ApiException(409, type, "English detail", 0))).as(type)
                    .doesNotContain("English detail").isNotBlank();
        }
    }

    @Test
    void aRefusalKeptByTheOutboxIsToldAsOneAnsweredAtOnce() {
        Refusal owed = new Refusal(422, "validation", "Some fields are missing or invalid",
                List.of(new FieldError("amount", "is more than the customer owes (2450.50 lek)")));
        assertThat(AppContext.describe(sq, owed)).isEqualTo("Shuma është më e madhe se sa detyrohet klienti tani: 2 450,50 L.");
        assertThat(AppContext.describe(sq, new Refusal(409, "counter-not-open", "Counter 3 is not open", null)))
                .isEqualTo(sq.t("problem.counterNotOpen"));
        assertThat(AppContext.describe(sq, new Refusal(409, "something-new", "A reason only the server knows", null)))
                .isEqualTo("A reason only the server knows");
        assertThat(AppContext.describe(sq, new Refusal(409, "http-409", "", null))).as("a proxy's page, no problem document")
                .isEqualTo("Serveri e refuzoi kërkesën (HTTP 409).");
    }

    private static ApiException invalid(FieldError... errors) {
        return new ApiException(new Refusal(422, "validation", "Some fields are missing or invalid", List.of(errors)), 0);
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
