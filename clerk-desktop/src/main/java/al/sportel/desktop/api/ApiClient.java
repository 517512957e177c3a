package al.sportel.desktop.api;

import al.sportel.model.Branch;
import al.sportel.model.Counter;
import al.sportel.model.Json;
import al.sportel.model.LoginRequest;
import al.sportel.model.LoginResponse;
import al.sportel.model.Problem;
import al.sportel.model.QueueSnapshot;
import al.sportel.model.ServiceInfo;
import al.sportel.model.Ticket;
import al.sportel.model.TicketStatus;
import al.sportel.model.UserInfo;
import al.sportel.model.billing.CashReport;
import al.sportel.model.billing.Customer;
import al.sportel.model.billing.Payment;
import al.sportel.model.billing.PaymentRequest;
import al.sportel.model.queue.CounterStats;
import al.sportel.model.queue.EndAndCall;
import al.sportel.model.queue.EndAndCallRequest;
import al.sportel.model.queue.TransferRequest;
import al.sportel.slip.Slip;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The central API as the desktop uses it (API.md). Every method blocks: call it from a background
 * task, never from the JavaFX thread.
 */
public final class ApiClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final String baseUrl;
    private final ServerHttp http;
    private volatile String token;
    private volatile UserInfo user;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = new ServerHttp(this.baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    OkHttpClient http() {
        return http.client();
    }

    ObjectMapper mapper() {
        return Mapper.JSON;
    }

    /**
     * The JSON mapping, made when a first request or answer needs it: the login window's server check
     * reads only a status code, and building the mapping loads some 600 classes.
     * One for every client: a configured mapper is safe to share between threads.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = Json.newMapper();
    }

    String token() {
        return token;
    }

    public UserInfo user() {
        return user;
    }

    /** True when {@code /health} answers UP. */
    public boolean healthy() {
        try (Response r = http.execute(new Request.Builder().url(baseUrl + "/health").build())) {
            return r.isSuccessful();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public LoginResponse login(String username, String password) throws ApiException {
        LoginResponse r = send("POST", "/api/v1/auth/login", new LoginRequest(username, password), LoginResponse.class);
        token = r.token();
        user = r.user();
        return r;
    }

    public void logout() {
        try {
            send("POST", "/api/v1/auth/logout", null, Void.class);
        } catch (ApiException ignored) {
            // the token expires by itself
        }
        token = null;
    }

    public List<Branch> branches() throws ApiException {
        return send("GET", "/api/v1/branches", null, new TypeReference<List<Branch>>() { });
    }

    public List<ServiceInfo> services(String branch) throws ApiException {
        return send("GET", "/api/v1/branches/" + branch + "/services", null, new TypeReference<List<ServiceInfo>>() { });
    }

    public List<Counter> counters(String branch) throws ApiException {
        return send("GET", "/api/v1/branches/" + branch + "/counters", null, new TypeReference<List<Counter>>() { });
    }

    public QueueSnapshot queue(String branch) throws ApiException {
        return send("GET", "/api/v1/branches/" + branch + "/queue", null, QueueSnapshot.class);
    }

    /** {@code open}, {@code pause} or {@code close}. */
    public Counter counterAction(long counterId, String action) throws ApiException {
        return send("POST", "/api/v1/counters/" + counterId + "/" + action, null, Counter.class);
    }

    public Optional<Ticket> callNext(long counterId) throws ApiException {
        return Optional.ofNullable(send("POST", "/api/v1/counters/" + counterId + "/call-next", null, Ticket.class));
    }

    /** {@code recall}, {@code start}, {@code finish}, {@code no-show}, {@code return} or {@code cancel}. */
    public Ticket ticketAction(String ticketId, String action) throws ApiException {
        return send("POST", "/api/v1/tickets/" + ticketId + "/" + action, null, Ticket.class);
    }

    /**
     * Ends the counter's ticket ({@code DONE} for a SERVING one, {@code NO_SHOW} for a CALLED one) and calls the
     * next in one request; {@code called} is null when nothing waits. When the ending is refused nothing changes.
     */
    public EndAndCall endAndCallNext(long counterId, String ticketId, TicketStatus outcome) throws ApiException {
        return send("POST", "/api/v1/counters/" + counterId + "/end-and-call-next", new EndAndCallRequest(ticketId, outcome),
                EndAndCall.class);
    }

    public Ticket transfer(String ticketId, Long serviceId, Long counterId) throws ApiException {
        TransferRequest body = serviceId != null ? TransferRequest.toService(serviceId) : TransferRequest.toCounter(counterId);
        return send("POST", "/api/v1/tickets/" + ticketId + "/transfer", body, Ticket.class);
    }

    public CounterStats stats(long counterId) throws ApiException {
        return send("GET", "/api/v1/counters/" + counterId + "/stats", null, CounterStats.class);
    }

    /** Any JSON call of the API, for feature clients (the supervisor console); bodies and answers are shared-model records. */
    public <T> T call(String method, String path, Object body, TypeReference<T> type) throws ApiException {
        return send(method, path, body, type);
    }

    public <T> T call(String method, String path, Object body, Class<T> type) throws ApiException {
        return send(method, path, body, type);
    }

    /** A JSON call that changes something once per key: resent with the same key, the server answers the first. */
    public <T> T callOnce(String method, String path, Object body, Class<T> type, String idempotencyKey) throws ApiException {
        return send(method, path, body, mapper().getTypeFactory().constructType(type), Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A file the API serves (PDF, CSV). */
    public byte[] download(String path) throws ApiException {
        return bytes(path);
    }

    /** One raw exchange: the body as JSON text, the answer whatever the status. */
    public Transport.Answer exchange(String method, String path, String jsonBody, String idempotencyKey)
            throws IOException {
        return exchange(method, path, jsonBody, idempotencyKey, Duration.ZERO);
    }

    /** The outbox's exchange: also says how long the change has been held (see {@link PaymentRequest#HELD_FOR_HEADER}). */
    public Transport.Answer exchange(String method, String path, String jsonBody, String idempotencyKey, Duration heldFor)
            throws IOException {
        Request.Builder b = new Request.Builder().url(baseUrl + path)
                .method(method, RequestBody.create(jsonBody.getBytes(StandardCharsets.UTF_8), JSON_TYPE))
                .header("Idempotency-Key", idempotencyKey);
        if (heldFor.getSeconds() > 0) {
            b.header(PaymentRequest.HELD_FOR_HEADER, Long.toString(heldFor.getSeconds()));
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (Response r = http.execute(b.build())) {
            String text = r.body() == null ? "" : r.body().string();
            return new Transport.Answer(r.code(), text, r.isSuccessful() ? null : refusal(r, text));
        }
    }

    public String toJson(Object body) {
        try {
            return mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serialisable: " + body, e);
        }
    }

    public <T> T fromJson(String json, Class<T> type) {
        try {
            return mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("unexpected JSON for " + type.getSimpleName(), e);
        }
    }

    // --- billing ---

    public Customer customer(String code) throws ApiException {
        return customer(code, List.of());
    }

    /** The customer; with {@code pendingKeys}, also which of those payments the server has booked ({@code paidKeys}). */
    public Customer customer(String code, List<String> pendingKeys) throws ApiException {
        String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
        String query = pendingKeys.isEmpty() ? "" : "?pending=" + URLEncoder.encode(String.join(",", pendingKeys), StandardCharsets.UTF_8);
        return send("GET", "/api/v1/customers/" + encoded + query, null, Customer.class);
    }

    /** Sends a payment; resending with the same key never pays twice (the server replays its answer). */
    public Payment pay(String idempotencyKey, PaymentRequest body) throws ApiException {
        return send("POST", "/api/v1/payments", body, mapper().getTypeFactory().constructType(Payment.class),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    public byte[] receiptPdf(long paymentId, String lang) throws ApiException {
        return bytes("/api/v1/payments/" + paymentId + "/receipt.pdf?lang=" + lang);
    }

    /** The receipt's content, for a thermal printer the desktop drives itself. */
    public Slip receiptSlip(long paymentId, String lang) throws ApiException {
        return send("GET", "/api/v1/payments/" + paymentId + "/receipt?lang=" + lang, null, Slip.class);
    }

    public CashReport cashReport(long counterId) throws ApiException {
        return send("GET", "/api/v1/reports/cash?counterId=" + counterId, null, CashReport.class);
    }

    public byte[] cashReportCsv(long counterId) throws ApiException {
        return bytes("/api/v1/reports/cash?format=csv&counterId=" + counterId);
    }

    // --- complaints and applications ---

    private byte[] bytes(String path) throws ApiException {
        Request.Builder b = new Request.Builder().url(baseUrl + path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (Response r = http.execute(b.build())) {
            byte[] body = r.body() == null ? new byte[0] : r.body().bytes();
            if (!r.isSuccessful()) {
                throw problem(r, new String(body, StandardCharsets.UTF_8));
            }
            return body;
        } catch (IOException e) {
            throw ApiException.unreachable(e);
        }
    }

    private <T> T send(String method, String path, Object body, Class<T> type) throws ApiException {
        return send(method, path, body, mapper().getTypeFactory().constructType(type));
    }

    private <T> T send(String method, String path, Object body, TypeReference<T> type) throws ApiException {
        return send(method, path, body, mapper().getTypeFactory().constructType(type));
    }

    private <T> T send(String method, String path, Object body, JavaType type) throws ApiException {
        return send(method, path, body, type, Map.of());
    }

    private <T> T send(String method, String path, Object body, JavaType type,
                       Map<String, String> headers) throws ApiException {
        Request.Builder b;
        try {
            b = new Request.Builder().url(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw ApiException.unreachable(e);
        }
        try {
            RequestBody rb = body == null ? (method.equals("GET") ? null : RequestBody.create(new byte[0], null))
                    : RequestBody.create(mapper().writeValueAsBytes(body), JSON_TYPE);
            b.method(method, rb);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            try (Response r = http.execute(b.build())) {
                String text = r.body() == null ? "" : r.body().string();
                if (r.isSuccessful()) {
                    return r.code() == 204 || text.isEmpty() ? null : mapper().readValue(text, type);
                }
                throw problem(r, text);
            }
        } catch (IOException e) {
            throw ApiException.unreachable(e);
        }
    }

    private ApiException problem(Response r, String text) {
        long retryAfter = 0;
        String ra = r.header("Retry-After");
        if (ra != null) {
            try {
                retryAfter = Long.parseLong(ra.trim());
            } catch (NumberFormatException ignored) {
                // an HTTP date; treat as unknown
            }
        }
        return new ApiException(refusal(r, text), retryAfter);
    }

    /** The problem document of a refused request: its type, detail and field errors, or the status line when it is none. */
    private Refusal refusal(Response r, String text) {
        String detail = r.message();
        String type = "http-" + r.code();
        List<Problem.FieldError> errors = List.of();
        try {
            JsonNode p = mapper().readTree(text);
            if (p != null && p.hasNonNull("detail")) {
                detail = p.get("detail").asText();
            }
            if (p != null && p.has("errors") && p.get("errors").isArray()) {
                // which fields and why, as the server said: the clerk can correct exactly those
                errors = mapper().convertValue(p.get("errors"), new TypeReference<List<Problem.FieldError>>() { });
            }
            if (p != null && p.hasNonNull("type")) {
                String t = p.get("type").asText();
                type = t.substring(t.lastIndexOf('/') + 1);
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // not a problem document; keep the status line
        }
        return new Refusal(r.code(), type, detail, errors);
    }
}
