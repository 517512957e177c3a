package al.sportel.desktop.fees;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.api.Transport;
import al.sportel.model.fees.Fee;
import al.sportel.model.fees.FeeSale;
import al.sportel.slip.Slip;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fee endpoints (docs/fiscal.md "Fee sales"). Blocking: background only. */
public final class FeeApi {

    private final ApiClient api;

    public FeeApi(ApiClient api) {
        this.api = api;
    }

    /** The fees on sale now. */
    public List<Fee> catalogue() throws ApiException {
        return api.call("GET", "/api/v1/fees", null, new TypeReference<List<Fee>>() { });
    }

    /** Sells a fee; resending with the same key never sells it twice (the server replays its answer). */
    public FeeSale sell(String idempotencyKey, String feeCode, boolean cash, String tendered, long counterId, String caseTrackingCode)
            throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feeCode", feeCode);
        body.put("method", cash ? "CASH" : "CARD");
        if (cash) {
            body.put("tendered", tendered);
        }
        body.put("counterId", counterId);
        if (caseTrackingCode != null) {
            body.put("caseTrackingCode", caseTrackingCode);
        }
        Transport.Answer answer;
        try {
            answer = api.exchange("POST", "/api/v1/fee-sales", api.toJson(body), idempotencyKey);
        } catch (IOException e) {
            throw ApiException.unreachable(e);
        }
        if (answer.status() != 201) {
            // with its type and fields, so the clerk reads it in her language as every other refusal
            throw answer.refusal() != null ? new ApiException(answer.refusal(), 0)
                    : new ApiException(answer.status(), null, "HTTP " + answer.status(), 0);
        }
        return api.fromJson(answer.body(), FeeSale.class);
    }

    /** Today's sales at the counter (the server's business day), newest first. */
    public List<FeeSale> salesAt(long counterId) throws ApiException {
        return api.call("GET", "/api/v1/fee-sales?counterId=" + counterId, null, new TypeReference<List<FeeSale>>() { });
    }

    public byte[] receiptPdf(long saleId, String lang) throws ApiException {
        return api.download("/api/v1/fee-sales/" + saleId + "/receipt.pdf?lang=" + lang);
    }

    public Slip receiptSlip(long saleId, String lang) throws ApiException {
        return api.call("GET", "/api/v1/fee-sales/" + saleId + "/receipt?lang=" + lang, null, Slip.class);
    }
}
