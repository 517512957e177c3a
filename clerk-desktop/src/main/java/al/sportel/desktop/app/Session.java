package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiClient;
import al.sportel.model.Counter;
import al.sportel.model.ServiceInfo;
import al.sportel.model.UserInfo;
import java.util.List;

/**
 * A logged-in clerk at an open counter of the centre {@code branchCode}: her own, or for an admin (who belongs
 * to no centre) the one whose counters the login window offered.
 */
public record Session(ApiClient api, UserInfo user, String branchCode, Counter counter, List<ServiceInfo> services,
                      List<Counter> counters) {
}
