package al.sportel.desktop.billing;

import al.sportel.desktop.app.I18n;
import al.sportel.model.Formats;
import al.sportel.model.Money;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.LastPayment;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/**
 * Under the bills in the clerk's lookup: the customer's credit and their latest payment with where
 * it was made, so a customer who paid at the post office this morning is not asked to pay again. A
 * latest payment that was voided at a counter or reversed by its partner is said to be cancelled, with
 * the latest one that still counts under it: read as valid, the clerk would send away a customer who owes.
 */
final class CustomerLedgerLines {

    private CustomerLedgerLines() {
    }

    static void addTo(Pane box, Customer c, I18n i18n) {
        if (c.credit() != null && Money.parse(c.credit()) > 0) {
            Label credit = new Label(i18n.t("pay.credit", Formats.money(c.credit())));
            credit.setId("customerCredit");
            box.getChildren().add(credit);
        }
        List<LastPayment> last = c.lastPayments() == null ? List.of() : c.lastPayments();
        if (!last.isEmpty()) {
            LastPayment p = last.get(0);
            Label line = new Label(lastPayment(p, i18n));
            line.setId("customerLastPayment");
            line.setWrapText(true);
            box.getChildren().add(line);
            if (p.cancelled()) {
                line.getStyleClass().add("note-message");
                last.stream().filter(x -> !x.cancelled()).findFirst().ifPresent(valid -> {
                    Label counts = new Label(lastValidPayment(valid, i18n));
                    counts.setId("customerLastValidPayment");
                    box.getChildren().add(counts);
                });
            }
        }
    }

    /** "Pagesa e fundit: 2 450,50 L, në postë — Posta Shqiptare, 25.11.2026 09:05", and when it was cancelled, so. */
    static String lastPayment(LastPayment p, I18n i18n) {
        String amount = Formats.money(p.amount());
        String when = Formats.dateTime(p.paidAt());
        return p.cancelled() ? i18n.t("pay.lastPayment.cancelled", amount, channel(p, i18n), when)
                : i18n.t("pay.lastPayment", amount, channel(p, i18n), when);
    }

    /** The latest payment that still counts, under a cancelled one. */
    static String lastValidPayment(LastPayment p, I18n i18n) {
        return i18n.t("pay.lastValidPayment", Formats.money(p.amount()), channel(p, i18n), Formats.dateTime(p.paidAt()));
    }

    private static String channel(LastPayment p, I18n i18n) {
        String where = switch (p.channel()) {
            case "COUNTER_CASH" -> i18n.t("pay.channel.cash");
            case "COUNTER_CARD" -> i18n.t("pay.channel.card");
            case "POST" -> i18n.t("pay.channel.post");
            case "BANK" -> i18n.t("pay.channel.bank");
            case "MOBILE" -> i18n.t("pay.channel.mobile");
            case "ONLINE" -> i18n.t("pay.channel.online");
            // a channel newer than this client: its name as the server sent it rather than a wrong place
            default -> p.channel();
        };
        return p.partner() == null ? where : where + " — " + p.partner();
    }
}
