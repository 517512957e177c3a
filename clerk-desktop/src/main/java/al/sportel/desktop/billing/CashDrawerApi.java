package al.sportel.desktop.billing;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.model.Money;
import java.util.Map;

/** The fiscal cash-deposit endpoints of a counter (docs/fiscal.md). Blocking: background only. */
public final class CashDrawerApi {

    /** What the server knows of today's drawer: whether to ask for the initial cash, and whether it was given. */
    public record Today(boolean required, boolean initialRegistered) {
    }

    /** The registered deposit: {@code status} is REGISTERED, or PENDING while the authority cannot be reached. */
    public record Deposit(long id, String operation, String amount, String status) {
    }

    private final ApiClient api;

    public CashDrawerApi(ApiClient api) {
        this.api = api;
    }

    public Today today(long counterId) throws ApiException {
        return api.call("GET", base(counterId) + "/today", null, Today.class);
    }

    /** Resent with the same {@code key} (after a lost answer), it is the same operation, not a second one. */
    public Deposit register(long counterId, CashOperation operation, long qindarka, String key) throws ApiException {
        return api.callOnce("POST", base(counterId), Map.of("operation", operation.name(), "amount", Money.format(qindarka)),
                Deposit.class, key);
    }

    private static String base(long counterId) {
        return "/api/v1/fiscal/counters/" + counterId + "/cash-deposits";
    }
}
