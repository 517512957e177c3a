package al.sportel.desktop.queue;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.app.Jobs;
import al.sportel.desktop.app.Session;
import al.sportel.desktop.offline.LocalCache;
import al.sportel.model.Branch;
import java.util.Optional;

/** The branch, its services and counters kept in the local file, for when the server is out of reach. */
final class ReferenceData {

    private final ApiClient api;
    private final LocalCache cache;
    private final String branch;

    ReferenceData(ApiClient api, LocalCache cache, String branch) {
        this.api = api;
        this.cache = cache;
        this.branch = branch;
    }

    void keep(Jobs jobs, Session session) {
        jobs.fireAndForget(() -> {
            cache.put("services", branch, api.toJson(session.services()));
            cache.put("counters", branch, api.toJson(session.counters()));
            Optional<Branch> mine = api.branches().stream().filter(b -> b.code().equals(branch)).findFirst();
            if (mine.isPresent()) {
                cache.put("branch", branch, api.toJson(mine.get()));
            }
            return null;
        });
    }
}
