package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.model.Board;
import al.sportel.model.BranchReport;
import al.sportel.model.Counter;
import al.sportel.model.Role;
import al.sportel.model.Ticket;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parts of the API the supervisor console uses (API.md and its extensions for issue 8). Blocking: background only. */
public final class SupervisorApi {

    public record UserRow(long id, String username, String displayName, Role role, String branchCode, boolean active) {
    }

    public record ServiceRow(long id, String branchCode, String letter, String name, String nameEn, int averageServiceSeconds,
                             boolean active, int maxWaitMinutes) {
    }

    public record BranchRow(String code, String name, String city, String address) {
    }

    private final ApiClient api;

    public SupervisorApi(ApiClient api) {
        this.api = api;
    }

    public ApiClient client() {
        return api;
    }

    public Board board(String branch) throws ApiException {
        return api.call("GET", "/api/v1/branches/" + branch + "/board", null, Board.class);
    }

    public List<BranchRow> branches() throws ApiException {
        return api.call("GET", "/api/v1/branches", null, new TypeReference<List<BranchRow>>() { });
    }

    public Counter counterAction(long counterId, String action) throws ApiException {
        return api.counterAction(counterId, action);
    }

    public Counter setServices(long counterId, List<Long> serviceIds) throws ApiException {
        return api.call("PUT", "/api/v1/counters/" + counterId + "/services", Map.of("serviceIds", serviceIds), Counter.class);
    }

    public Ticket priority(String ticketId, boolean priority) throws ApiException {
        return api.call("POST", "/api/v1/tickets/" + ticketId + "/priority", Map.of("priority", priority), Ticket.class);
    }

    public Ticket cancel(String ticketId) throws ApiException {
        return api.ticketAction(ticketId, "cancel");
    }

    public Ticket transfer(String ticketId, Long serviceId, Long counterId) throws ApiException {
        return api.transfer(ticketId, serviceId, counterId);
    }

    public BranchReport report(String branch, LocalDate from, LocalDate to) throws ApiException {
        return api.call("GET", reportPath(branch, from, to), null, BranchReport.class);
    }

    public byte[] reportFile(String branch, LocalDate from, LocalDate to, String format) throws ApiException {
        return api.download(reportPath(branch, from, to) + "&format=" + format);
    }

    private static String reportPath(String branch, LocalDate from, LocalDate to) {
        return "/api/v1/reports/branch?branchCode=" + branch + "&from=" + from + "&to=" + to;
    }

    public List<UserRow> users() throws ApiException {
        return api.call("GET", "/api/v1/users", null, new TypeReference<List<UserRow>>() { });
    }

    public UserRow createUser(String username, String displayName, Role role, String branch, String password) throws ApiException {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", displayName, "role", role.name(),
                "password", password));
        if (branch != null) {
            body.put("branchCode", branch);
        }
        return api.call("POST", "/api/v1/users", body, UserRow.class);
    }

    public UserRow changeUser(long id, Map<String, Object> changes) throws ApiException {
        return api.call("PATCH", "/api/v1/users/" + id, changes, UserRow.class);
    }

    public void resetPassword(long id, String password) throws ApiException {
        api.call("POST", "/api/v1/users/" + id + "/password", Map.of("password", password), Void.class);
    }

    public List<ServiceRow> services(String branch) throws ApiException {
        return api.call("GET", "/api/v1/branches/" + branch + "/services/all", null, new TypeReference<List<ServiceRow>>() { });
    }

    public ServiceRow changeService(long id, Map<String, Object> changes) throws ApiException {
        return api.call("PATCH", "/api/v1/services/" + id, changes, ServiceRow.class);
    }

    public void changeBranch(String code, Map<String, Object> changes) throws ApiException {
        api.call("PATCH", "/api/v1/branches/" + code, changes, Map.class);
    }

    public ServiceRow createService(String branch, String letter, String name, int maxWaitMinutes) throws ApiException {
        return api.call("POST", "/api/v1/branches/" + branch + "/services",
                Map.of("letter", letter, "name", name, "maxWaitMinutes", maxWaitMinutes), ServiceRow.class);
    }

    public Counter createCounter(String branch, int number, List<Long> serviceIds) throws ApiException {
        return api.call("POST", "/api/v1/branches/" + branch + "/counters", Map.of("number", number, "serviceIds", serviceIds),
                Counter.class);
    }

    public BranchRow createBranch(String code, String name, String city, String address, int counters) throws ApiException {
        return api.call("POST", "/api/v1/branches", Map.of("code", code, "name", name, "city", city, "address", address,
                "counters", counters), BranchRow.class);
    }

    public void renameCounter(long id, String name) throws ApiException {
        api.call("PATCH", "/api/v1/counters/" + id, Map.of("name", name), Map.class);
    }
}
