package al.sportel.desktop.complaints;

import al.sportel.model.Formats;
import al.sportel.model.cases.CaseView;
import al.sportel.model.cases.CaseCategory;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.api.CasesApi;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.billing.OfflineReceipt;
import al.sportel.desktop.billing.ReceiptPrinter;
import al.sportel.desktop.offline.CounterLink;
import al.sportel.desktop.offline.LocalCache;
import al.sportel.desktop.offline.Outbox;
import al.sportel.model.cases.NewCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Complaints and applications through the outbox: taken without the link, registered when it returns. */
final class LinkedCaseDesk implements CaseDesk {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedCaseDesk.class);

    private final ApiClient api;
    private final CounterLink link;
    private final ReceiptPrinter printer;
    private final I18n i18n;
    private final Session session;

    LinkedCaseDesk(ApiClient api, CounterLink link, ReceiptPrinter printer, I18n i18n, Session session) {
        this.api = api;
        this.link = link;
        this.printer = printer;
        this.i18n = i18n;
        this.session = session;
    }

    /** Reference data: from the server and kept locally, or the local copy when the server is out of reach. */
    @Override
    public List<CaseCategory> categories(boolean complaint) throws Exception {
        String key = complaint ? "complaint" : "application";
        try {
            List<CaseCategory> list = new CasesApi(api).categories(complaint);
            link.cache().put("categories", key, api.toJson(list));
            return list;
        } catch (ApiException e) {
            Optional<LocalCache.Entry> cached = link.cache().get("categories", key);
            if (!e.unreachable() || cached.isEmpty()) {
                throw e;
            }
            return List.of(api.fromJson(cached.get().json(), CaseCategory[].class));
        }
    }

    @Override
    public Submitted submit(Request r, String summary) throws Exception {
        String branchCode = session.branchCode();
        NewCase body = r.complaint()
                ? NewCase.complaint(r.category(), text(r.customerCode()), r.name(), text(r.phone()), text(r.email()),
                        r.description(), branchCode, r.ticketId())
                : NewCase.application(r.category(), text(r.customerCode()), r.name(), text(r.phone()), text(r.email()),
                        r.description(), branchCode, r.ticketId());
        Outbox.Kind kind = r.complaint() ? Outbox.Kind.COMPLAINT : Outbox.Kind.APPLICATION;
        String path = r.complaint() ? "/api/v1/complaints" : "/api/v1/applications";
        // Written to the outbox first: taken without the link, it is registered when the link returns.
        Outbox.Item item = link.submit(kind, "POST", path, body, summary);
        Optional<Outbox.Item> settled = link.awaitSettled(item);
        if (settled.isEmpty()) {
            return new Submitted(null, null, item.id(), OfflineReceipt.reference(item), null);
        }
        return outcome(settled.get(), true);
    }

    @Override
    public Optional<Submitted> settled(long outboxId) throws Exception {
        Optional<Outbox.Item> item = link.outbox().get(outboxId);
        if (item.isEmpty() || item.get().state() == Outbox.State.PENDING) {
            return Optional.empty();
        }
        return Optional.of(outcome(item.get(), false));
    }

    private Submitted outcome(Outbox.Item item, boolean print) {
        if (item.state() == Outbox.State.FAILED) {
            return new Submitted(null, null, item.id(), OfflineReceipt.reference(item), AppContext.describe(i18n, item));
        }
        CaseView c = api.fromJson(item.response(), CaseView.class);
        ReceiptPrinter.Outcome slip = null;
        if (print) {
            try {
                slip = printSlip(c);
            } catch (Exception e) {
                LOG.warn("case {} registered but its slip not printed; it can be printed again", c.trackingCode(), e);
            }
        }
        return new Submitted(c, slip, item.id(), OfflineReceipt.reference(item), null);
    }

    @Override
    public ReceiptPrinter.Outcome printSlip(CaseView c) throws Exception {
        String lang = i18n.lang();
        return printer.print(c.trackingCode(), () -> new CasesApi(api).slipPdf(c.id(), lang), () -> new CasesApi(api).slipContent(c.id(), lang));
    }

    @Override
    public ReceiptPrinter.Outcome printLocalSlip(String reference, Request r) throws Exception {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {i18n.t("receipt.offline.ref"), reference});
        rows.add(new String[] {i18n.t("receipt.time"), Formats.dateTime(Instant.now())});
        rows.add(new String[] {i18n.t("receipt.counter"), String.valueOf(session.counter().number())});
        rows.add(new String[] {i18n.t("case.name"), r.name()});
        rows.add(new String[] {i18n.t("case.category"), r.categoryName()});
        String title = i18n.t(r.complaint() ? "case.offline.slip.complaint" : "case.offline.slip.application");
        return printer.print("offline-" + reference, OfflineCaseSlip.slip(title, rows, i18n.t("case.offline.slip.note", reference)));
    }

    /** Stripped, or null (left out of the request) when blank. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
