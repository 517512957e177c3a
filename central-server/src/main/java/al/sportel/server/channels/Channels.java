package al.sportel.server.channels;

import al.sportel.server.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;

/** Wires the payment channels (issue 18) into the server: the signed partner API and the staff routes. */
public final class Channels {

    private Channels() {
    }

    public static void register(Javalin app, Database db, ObjectMapper mapper, Clock clock, SecretBox box) {
        MasterKeyCheck.verify(db, box, clock.instant());
        PartnerService partners = new PartnerService(db, box, clock);
        ChannelPayments payments = new ChannelPayments(db, mapper, clock);
        Reconciliations reconciliations = new Reconciliations(db, payments, clock);
        new ChannelRoutes(partners, payments, reconciliations, mapper, clock).register(app);
        new ChannelAdminRoutes(partners, reconciliations, new ChannelReport(db), mapper).register(app);
    }
}
