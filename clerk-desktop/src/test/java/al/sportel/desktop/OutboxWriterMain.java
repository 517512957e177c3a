package al.sportel.desktop;

import al.sportel.desktop.offline.LocalStore;
import al.sportel.desktop.offline.Outbox;
import java.nio.file.Path;

/**
 * A client process for the fault tests: writes one payment to the outbox of the given data folder,
 * says so, and then just holds the file until it is killed.
 */
public final class OutboxWriterMain {

    public static void main(String[] args) throws Exception {
        LocalStore store = LocalStore.open(Path.of(args[0]));
        if (args.length > 1) {
            Outbox.Item item = new Outbox(store).add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", args[1], "clerk1", "payment");
            System.out.println("WRITTEN " + item.idempotencyKey());
        } else {
            System.out.println("OPEN");
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
