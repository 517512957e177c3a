package al.sportel.server.onlinepay;

import al.sportel.server.billing.PaymentLimits;
import al.sportel.server.channels.ChannelPayments;
import al.sportel.server.citizen.AccountTokens;
import al.sportel.server.db.Database;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.PublicLinks;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires online payment (issue 19, docs/online-payments.md): the provider from configuration, the app's routes, the sandbox page. */
public final class OnlinePay {

    private static final Logger log = LoggerFactory.getLogger(OnlinePay.class);

    private OnlinePay() {
    }

    public static void register(Javalin app, Optional<OnlinePayConfig> config, Database db, ObjectMapper mapper, Clock clock,
                                PublicLinks links, ClientAddress address, PaymentLimits limits) {
        Optional<HostedPageProvider> provider = config.map(c -> new HostedPageProvider(c, links, mapper, clock));
        Optional<OnlinePayments> payments = provider.map(p ->
                new OnlinePayments(db, p, new ChannelPayments(db, mapper, clock), links, clock, limits.maxPayment()));
        new OnlinePayRoutes(payments, provider.map(p -> p), new AccountTokens(db, clock), mapper, address, limits, clock).register(app);
        if (config.isEmpty()) {
            log.info("online payment is off: no SPORTEL_PAY_PROVIDER");
            return;
        }
        log.info("online payment through {} ({})", config.get().provider(), config.get().pageUrlTemplate());
        if (config.get().sandbox()) {
            log.warn("online payment uses the SANDBOX provider: test cards only, no real money");
            SandboxWebhooks webhooks = new SandboxWebhooks(provider.get(), links, mapper, clock);
            new SandboxPage(payments.get(), webhooks, mapper, clock).register(app);
            app.events(e -> e.serverStopping(webhooks::close));
        }
    }
}
