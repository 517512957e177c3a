package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiClient;
import al.sportel.model.Counter;
import al.sportel.model.ServiceInfo;
import al.sportel.model.UserInfo;
import java.util.List;

/** A logged-in clerk at an open counter. */
public record Session(ApiClient api, UserInfo user, Counter counter, List<ServiceInfo> services, List<Counter> counters) {
}
