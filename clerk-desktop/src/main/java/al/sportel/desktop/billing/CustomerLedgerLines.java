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
 * it was made, so a customer who paid at the post office this morning is not asked to pay again.
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
            Label line = new Label(i18n.t("pay.lastPayment", Formats.money(p.amount()), channel(p, i18n), Formats.dateTime(p.paidAt())));
            line.setId("customerLastPayment");
            box.getChildren().add(line);
        }
    }

    private static String channel(LastPayment p, I18n i18n) {
        String where = switch (p.channel()) {
            case "COUNTER_CASH" -> i18n.t("pay.channel.cash");
            case "COUNTER_CARD" -> i18n.t("pay.channel.card");
            case "POST" -> i18n.t("pay.channel.post");
            case "BANK" -> i18n.t("pay.channel.bank");
            default -> i18n.t("pay.channel.mobile");
        };
        return p.partner() == null ? where : where + " — " + p.partner();
    }
}
