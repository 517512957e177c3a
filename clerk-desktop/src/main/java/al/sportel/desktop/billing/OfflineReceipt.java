package al.sportel.desktop.billing;

import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.Formats;
import al.sportel.model.billing.Customer;
import al.sportel.slip.Slip;

/**
 * The 80 mm receipt printed while the head office is unreachable. It says plainly that it was
 * issued offline and carries the local reference (from the idempotency key) that ties it to the
 * payment the server records later. It has no QR code: there is no verification page for it yet.
 * Drawn by the same renderers as the server's receipts (docs/decisions/0006-one-slip-renderer.md).
 */
public final class OfflineReceipt {

    private OfflineReceipt() {
    }

    public static String reference(Outbox.Item item) {
        return item.idempotencyKey().replace("-", "").substring(0, 10).toUpperCase();
    }

    static Slip slip(I18n i18n, Outbox.Item item, Customer customer, long amount, Long tendered, Session session) {
        Slip.Builder slip = Slip.builder().title("Sportel").title(i18n.t("receipt.offline.title")).rule()
                .row(label(i18n, "receipt.offline.ref"), reference(item))
                .row(label(i18n, "receipt.time"), Formats.dateTime(item.createdAt()))
                .row(label(i18n, "receipt.counter"), String.valueOf(session.counter().number()))
                .row(label(i18n, "receipt.clerk"), session.user().displayName())
                .row(label(i18n, "receipt.customer"), customer.code()).row("", customer.name()).rule()
                .boldRow(label(i18n, "receipt.amount"), Formats.money(amount))
                .row(label(i18n, "receipt.method"), tendered == null ? i18n.t("pay.card") : i18n.t("pay.cash"));
        if (tendered != null) {
            slip.row(label(i18n, "receipt.tendered"), Formats.money(tendered))
                    .row(label(i18n, "receipt.change"), Formats.money(tendered - amount));
        }
        return slip.rule().paragraph(i18n.t("receipt.offline.note")).build();
    }

    private static String label(I18n i18n, String key) {
        return i18n.t(key) + ":";
    }
}
