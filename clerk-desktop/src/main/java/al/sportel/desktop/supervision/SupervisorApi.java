package al.sportel.desktop.supervision;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.model.Board;
import al.sportel.model.Branch;
import al.sportel.model.BranchReport;
import al.sportel.model.Counter;
import al.sportel.model.Role;
import al.sportel.model.Ticket;
import al.sportel.model.admin.BranchChange;
import al.sportel.model.admin.CounterName;
import al.sportel.model.admin.NewBranch;
import al.sportel.model.admin.NewCounter;
import al.sportel.model.admin.NewService;
import al.sportel.model.admin.NewUser;
import al.sportel.model.admin.PasswordReset;
import al.sportel.model.admin.ServiceChange;
import al.sportel.model.admin.ServiceRow;
import al.sportel.model.admin.UserChange;
import al.sportel.model.admin.UserRow;
import al.sportel.model.queue.CounterServices;
import al.sportel.model.queue.PriorityRequest;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.List;

/** The parts of the API the supervisor console uses (API.md and its extensions for issue 8). Blocking: background only. */
public final class SupervisorApi {

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

    public List<Branch> branches() throws ApiException {
        return api.call("GET", "/api/v1/branches", null, new TypeReference<List<Branch>>() { });
    }

    public Counter counterAction(long counterId, String action) throws ApiException {
        return api.counterAction(counterId, action);
    }

    public Counter setServices(long counterId, List<Long> serviceIds) throws ApiException {
        return api.call("PUT", "/api/v1/counters/" + counterId + "/services", new CounterServices(serviceIds), Counter.class);
    }

    public Ticket priority(String ticketId, boolean priority) throws ApiException {
        return api.call("POST", "/api/v1/tickets/" + ticketId + "/priority", new PriorityRequest(priority), Ticket.class);
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

    /** The CSV or PDF export; {@code lang} ("sq" or "en") is the PDF's language, the clerk's (the CSV has none). */
    public byte[] reportFile(String branch, LocalDate from, LocalDate to, String format, String lang) throws ApiException {
        return api.download(reportPath(branch, from, to) + "&format=" + format + "&lang=" + lang);
    }

    private static String reportPath(String branch, LocalDate from, LocalDate to) {
        return "/api/v1/reports/branch?branchCode=" + branch + "&from=" + from + "&to=" + to;
    }

    public List<UserRow> users() throws ApiException {
        return api.call("GET", "/api/v1/users", null, new TypeReference<List<UserRow>>() { });
    }

    public UserRow createUser(String username, String displayName, Role role, String branch, String password) throws ApiException {
        return api.call("POST", "/api/v1/users", new NewUser(username, displayName, role, branch, password), UserRow.class);
    }

    public UserRow changeUser(long id, UserChange changes) throws ApiException {
        return api.call("PATCH", "/api/v1/users/" + id, changes, UserRow.class);
    }

    public void resetPassword(long id, String password) throws ApiException {
        api.call("POST", "/api/v1/users/" + id + "/password", new PasswordReset(password), Void.class);
    }

    public List<ServiceRow> services(String branch) throws ApiException {
        return api.call("GET", "/api/v1/branches/" + branch + "/services/all", null, new TypeReference<List<ServiceRow>>() { });
    }

    public ServiceRow changeService(long id, ServiceChange changes) throws ApiException {
        return api.call("PATCH", "/api/v1/services/" + id, changes, ServiceRow.class);
    }

    public Branch changeBranch(String code, BranchChange changes) throws ApiException {
        return api.call("PATCH", "/api/v1/branches/" + code, changes, Branch.class);
    }

    public ServiceRow createService(String branch, String letter, String name, int maxWaitMinutes) throws ApiException {
        return api.call("POST", "/api/v1/branches/" + branch + "/services",
                new NewService(letter, name, null, null, maxWaitMinutes), ServiceRow.class);
    }

    public Counter createCounter(String branch, int number, List<Long> serviceIds) throws ApiException {
        return api.call("POST", "/api/v1/branches/" + branch + "/counters", new NewCounter(number, serviceIds),
                Counter.class);
    }

    public Branch createBranch(String code, String name, String city, String address, int counters) throws ApiException {
        return api.call("POST", "/api/v1/branches", new NewBranch(code, name, city, address, counters), Branch.class);
    }

    public void renameCounter(long id, String name) throws ApiException {
        api.call("PATCH", "/api/v1/counters/" + id, CounterName.rename(name), CounterName.class);
    }
}
