package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.model.channels.ChannelPayment;
import al.sportel.model.channels.Partner;
import al.sportel.model.channels.PaymentsByChannel;
import al.sportel.model.channels.Reconciliation;
import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The channel endpoints the supervisor console uses (docs/channels.md). Blocking: background only. */
final class ChannelsApi {

    private final ApiClient api;

    ChannelsApi(ApiClient api) {
        this.api = api;
    }

    List<Partner> partners() throws ApiException {
        return api.call("GET", "/api/v1/partners", null, new TypeReference<List<Partner>>() { });
    }

    PaymentsByChannel takings(LocalDate day) throws ApiException {
        return api.call("GET", "/api/v1/reports/channels?from=" + day + "&to=" + day, null, PaymentsByChannel.class);
    }

    Reconciliation reconciliation(String partnerCode, LocalDate day) throws ApiException {
        return api.call("GET", path(partnerCode, day), null, Reconciliation.class);
    }

    /** The CSV or PDF export; {@code lang} ("sq" or "en") is the PDF's language, the clerk's (the CSV has none). */
    byte[] reconciliationFile(String partnerCode, LocalDate day, String format, String lang) throws ApiException {
        return api.download(path(partnerCode, day) + "&format=" + format + "&lang=" + lang);
    }

    ChannelPayment createFromFile(long settlementLineId) throws ApiException {
        return api.call("POST", "/api/v1/reconciliation/lines/" + settlementLineId + "/create-payment", null, ChannelPayment.class);
    }

    private static String path(String partnerCode, LocalDate day) {
        return "/api/v1/reconciliation?partner=" + URLEncoder.encode(partnerCode, StandardCharsets.UTF_8) + "&date=" + day;
    }
}
