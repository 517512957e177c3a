package al.sportel.server;

import al.sportel.model.Json;
import al.sportel.server.appointments.AppointmentReminders;
import al.sportel.server.appointments.AppointmentRoutes;
import al.sportel.server.appointments.AppointmentService;
import al.sportel.server.appointments.ClosedDays;
import al.sportel.server.auth.AuthRoutes;
import al.sportel.server.admin.AdminRoutes;
import al.sportel.server.auth.AuthService;
import al.sportel.server.auth.LoginGuard;
import al.sportel.server.auth.UserRoutes;
import al.sportel.server.billing.BillingRoutes;
import al.sportel.server.billing.PaymentLimits;
import al.sportel.server.billing.PaymentService;
import al.sportel.server.billing.ReceiptCodes;
import al.sportel.server.billing.ReceiptPage;
import al.sportel.server.clerkday.ClerkReportRoutes;
import al.sportel.server.clerkday.ClerkReportService;
import al.sportel.server.clerkday.RatingRoutes;
import al.sportel.server.clerkday.RatingService;
import al.sportel.server.branches.BranchRoutes;
import al.sportel.server.channels.Channels;
import al.sportel.server.channels.SecretBox;
import al.sportel.server.citizen.AccountTokens;
import al.sportel.server.citizen.BillCodes;
import al.sportel.server.citizen.CitizenRoutes;
import al.sportel.server.complaints.AppCaseRoutes;
import al.sportel.server.complaints.AppCaseService;
import al.sportel.server.complaints.AttachmentRules;
import al.sportel.server.complaints.AttachmentStore;
import al.sportel.server.complaints.CaseRoutes;
import al.sportel.server.complaints.CaseService;
import al.sportel.server.http.Idempotency;
import al.sportel.server.db.Database;
import al.sportel.server.demo.DemoData;
import al.sportel.server.events.EventHub;
import al.sportel.server.events.EventLog;
import al.sportel.server.events.EventRoutes;
import al.sportel.server.fairness.FairnessReportRoutes;
import al.sportel.server.fairness.FairnessReportService;
import al.sportel.server.fees.FeeRoutes;
import al.sportel.server.fees.FeeService;
import al.sportel.server.fiscal.FiscalFeeHook;
import al.sportel.server.fiscal.FiscalMetrics;
import al.sportel.server.fiscal.FiscalOutbox;
import al.sportel.server.fiscal.FiscalPaymentHook;
import al.sportel.server.fiscal.FiscalRoutes;
import al.sportel.server.fiscal.FiscalService;
import al.sportel.server.forecast.ForecastRoutes;
import al.sportel.server.http.AccessLogMask;
import al.sportel.server.http.BodyLength;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.JettyErrors;
import al.sportel.server.http.OpenApiRoute;
import al.sportel.server.http.Problems;
import al.sportel.server.http.PublicLinks;
import al.sportel.server.http.RateLimiter;
import al.sportel.server.http.SecurityHeaders;
import al.sportel.server.http.TextRules;
import al.sportel.server.http.WebPages;
import al.sportel.server.onlinepay.OnlinePay;
import al.sportel.server.onlinepay.OnlinePayConfig;
import al.sportel.server.ops.Operations;
import al.sportel.server.queue.CounterActions;
import al.sportel.server.queue.DisplayRoutes;
import al.sportel.server.queue.FairCalls;
import al.sportel.server.queue.FairnessRoutes;
import al.sportel.server.queue.FairnessSettings;
import al.sportel.server.queue.QueueEngine;
import al.sportel.server.queue.QueueRoutes;
import al.sportel.server.queue.RemoteCheckIns;
import al.sportel.server.remote.NearFrontAlerts;
import al.sportel.server.remote.RemoteRoutes;
import al.sportel.server.remote.RemoteTicketService;
import al.sportel.server.reports.ReportRoutes;
import al.sportel.server.reports.ReportService;
import al.sportel.server.supervision.BoardRoutes;
import al.sportel.server.supervision.BoardService;
import al.sportel.server.sms.SmsSender;
import al.sportel.server.throttle.PublicThrottles;
import al.sportel.server.voice.VoiceRoutes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the parts together and owns their lifecycle; {@link Main} is the command line around it. */
public final class SportelServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SportelServer.class);

    private final ServerConfig config;
    private final Database db;
    private final EventHub hub;
    private final Javalin app;
    private final Operations ops;
    private final List<String> routes;

    private SportelServer(ServerConfig config, Database db, EventHub hub, Javalin app, Operations ops, List<String> routes) {
        this.config = config;
        this.db = db;
        this.hub = hub;
        this.app = app;
        this.ops = ops;
        this.routes = routes;
    }

    /** Opens the database, migrates, loads demo data if asked, and starts listening. */
    public static SportelServer start(ServerConfig config) {
        Database db = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), config.dbSchema(), Database.SERVER_POOL_SIZE);
        Operations[] opsHolder = new Operations[1];
        try {
            if (config.demo() && DemoData.loadIfEmpty(db)) {
                log.info("loaded demo data");
            }
            ObjectMapper mapper = Json.newMapper();
            EventHub hub = new EventHub(db, mapper, config.eventPollInterval(), config.clock());
            EventLog eventLog = new EventLog(mapper);
            Operations ops = Operations.start(config, db, hub, eventLog, mapper); // health, metrics, backup, day end
            opsHolder[0] = ops;
            QueueEngine engine = new QueueEngine(db, eventLog, hub, config.clock());
            CounterActions counters = new CounterActions(db, eventLog, hub, config.clock());
            SecurityConfig security = config.security();
            AuthService auth = new AuthService(db, config.clock(), config.tokenLifetime(),
                    new LoginGuard(db, config.clock(), security.loginMaxFailures(), security.loginWindow()));
            BranchRoutes branches = new BranchRoutes(db, config.clock());
            ClientAddress clientAddress = new ClientAddress(security.trustedProxies());
            Javalin[] started = new Javalin[1];
            PublicLinks links = new PublicLinks(() -> publicBase(config, started[0].port()));
            ReceiptCodes.backfill(db);
            BillCodes.backfill(db); // issue 19: the verification code printed on bills

            List<String> routes = new CopyOnWriteArrayList<>();
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.events(e -> e.handlerAdded(h -> routes.add(h.getHttpMethod() + " " + h.getPath())));
                c.jsonMapper(new JavalinJackson(mapper, false));
                c.http.maxRequestSize = 64 * 1024;
                // issue 19: the app's attachments (3 × 5 MB) are multipart; AttachmentRules gives the exact limits
                c.jetty.multipartConfig.maxTotalRequestSize(AttachmentRules.MAX_REQUEST, SizeUnit.BYTES);
                c.useVirtualThreads = false;
                c.requestLogger.http((ctx, ms) -> {
                    ops.recordRequest(ctx, ms);
                    if (!ctx.path().startsWith("/health") && !ctx.path().equals("/metrics")) {
                        log.info("{} {} {} {}ms", ctx.method(), AccessLogMask.path(ctx.path()), ctx.statusCode(), Math.round(ms));
                    }
                });
                c.jetty.modifyServer(server -> {
                    server.setStopTimeout(10_000);
                    server.setErrorHandler(new JettyErrors());
                });
                c.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors()));
            });
            Problems.install(app);
            ops.register(app);
            SecurityHeaders.install(app);
            TextRules.install(app);
            BodyLength.install(app);
            app.get("/health", ctx -> {
                boolean up = db.healthy();
                ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN"));
            });
            new AuthRoutes(auth, mapper, clientAddress).register(app);
            new UserRoutes(db, mapper, config.clock()).register(app);
            new OpenApiRoute(mapper).register(app);
            branches.register(app, mapper);
            Idempotency idempotency = new Idempotency(db, mapper, config.clock());
            new QueueRoutes(engine, counters, mapper,
                    new RateLimiter(security.kioskTicketsPerMinute(), Duration.ofMinutes(1), config.clock()), idempotency, links).register(app);
            // issue 20: fair queue (out-of-order calls, reactivation, categories, reasons, rules)
            new FairnessRoutes(new FairCalls(db, eventLog, hub, engine), new FairnessSettings(db, config.clock()), mapper).register(app);
            new PublicThrottles(new PublicThrottles.Limits(security.bookingsPerHour(), security.ratingsPerHour()), clientAddress,
                    config.clock()).register(app); // issue 20: before its routes
            new RatingRoutes(new RatingService(db, config.clock()), mapper).register(app);
            new ClerkReportRoutes(new ClerkReportService(db, config.clock())).register(app);
            new FairnessReportRoutes(new FairnessReportService(db)).register(app); // issue 20: fairness report
            SmsSender sms = new SmsSender(db, config.sms().gateway(), config.clock());
            AppointmentReminders reminders = new AppointmentReminders(db, sms, config.clock());
            new AppointmentRoutes(new AppointmentService(db, engine, hub, links, config.clock()), reminders, mapper, idempotency,
                    new ClosedDays(db), config.clock()).register(app);
            reminders.start(Duration.ofMinutes(1));
            new ForecastRoutes(db, config.clock()).register(app);
            new VoiceRoutes().register(app);
            app.events(e -> e.serverStopping(reminders::close));
            new DisplayRoutes(db, config.clock(), links).register(app, engine);
            new WebPages().register(app);
            new EventRoutes(hub, branches::exists, clientAddress, security.displayStreamsPerAddress(), auth::stillValid).register(app);
            // fiscalization (issue 22, docs/fiscal.md)
            FiscalService fiscal = new FiscalService(db, config.clock(), FiscalService.soap(config.clock()));
            new FiscalRoutes(fiscal, mapper).register(app);
            FiscalOutbox fiscalOutbox = new FiscalOutbox(fiscal, FiscalOutbox.DEFAULT_INTERVAL);
            app.events(e -> e.serverStopping(fiscalOutbox::close));
            new FeeRoutes(new FeeService(db, config.clock(), new FiscalFeeHook(fiscal)), idempotency, mapper,
                    security.maxPayment()).register(app);
            ops.addMetrics(new FiscalMetrics(db, config.clock()));
            fiscal.checkCertificate();
            new BillingRoutes(db, new PaymentService(db, config.clock(), links), idempotency, mapper, config.clock(),
                    new PaymentLimits(security.offlineWindow(), security.clockSkew(), security.maxPayment()))
                    .withPaymentHook(new FiscalPaymentHook(fiscal)).register(app);
            new ReceiptPage(db).register(app);
            new CaseRoutes(new CaseService(db, config.clock()), idempotency, mapper, clientAddress, links,
                    new RateLimiter(security.trackLookupsPerMinute(), Duration.ofMinutes(1), config.clock())).register(app);
            new BoardRoutes(new BoardService(db, engine, config.clock())).register(app);
            new ReportRoutes(new ReportService(db)).register(app);
            new AdminRoutes(db, mapper, config.clock()).register(app);
            Channels.register(app, db, mapper, config.clock(), SecretBox.load(System.getenv(), config.dataDir()));
            new CitizenRoutes(db, new CaseService(db, config.clock()), mapper, config.clock(), links, clientAddress, idempotency)
                    .register(app);
            // issue 19: the phone app's cases with attachments (kept in the data directory, staff-only)
            new AppCaseRoutes(new AppCaseService(db, new CaseService(db, config.clock()), new AttachmentStore(config.dataDir()), config.clock()),
                    new CaseService(db, config.clock()), new AccountTokens(db, config.clock()), mapper, clientAddress, idempotency,
                    config.clock()).register(app);
            // issue 19: online payment through a configured provider (sandbox in a demo server), docs/online-payments.md
            OnlinePay.register(app, OnlinePayConfig.load(System.getenv(), config.dataDir(), config.demo()), db, mapper, config.clock(),
                    links, clientAddress, new PaymentLimits(security.offlineWindow(), security.clockSkew(), security.maxPayment()));
            // issue 19: remote tickets, kiosk check-in, near-the-front SMS
            RemoteTicketService remoteTickets = new RemoteTicketService(db, engine, hub, links, config.remote(), config.clock());
            new RemoteRoutes(remoteTickets, new RemoteCheckIns(db, eventLog, hub, engine, new FairCalls(db, eventLog, hub, engine)),
                    new AccountTokens(db, config.clock()), clientAddress, mapper, idempotency).register(app);
            NearFrontAlerts nearFront = new NearFrontAlerts(db, remoteTickets, sms,
                    config.remote(), config.clock());
            nearFront.start();
            app.events(e -> e.serverStopping(nearFront::close));
            started[0] = app;
            SportelServer server = new SportelServer(config, db, hub, app, ops, routes);
            app.start(config.host(), config.port());
            ops.serving();
            FirstRun.logIfNoAdmin(db, log);
            return server;
        } catch (RuntimeException e) {
            if (opsHolder[0] != null) {
                opsHolder[0].close();
            }
            db.close();
            throw e;
        }
    }

    /** The configured public URL, or the server's own address: never the Host header of a request. */
    private static String publicBase(ServerConfig config, int port) {
        if (config.security().publicUrl() != null) {
            return config.security().publicUrl();
        }
        String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "localhost" : config.host();
        return "http://" + host + ":" + port;
    }

    /** Every HTTP handler registered on the API port, as {@code "GET /api/v1/..."} (filters as BEFORE, AFTER). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    public Database database() {
        return db;
    }

    public int subscriberCount() {
        return hub.subscriberCount();
    }

    /** Ends event streams, lets requests in flight finish, then closes the pool. */
    public Operations operations() {
        return ops;
    }

    @Override
    public void close() {
        ops.drain();
        hub.close();
        app.stop();
        ops.close();
        db.close();
        log.info("server stopped");
    }
}
