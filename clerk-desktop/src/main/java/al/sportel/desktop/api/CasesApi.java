package al.sportel.desktop.api;

import al.sportel.model.cases.CaseAttachment;
import al.sportel.model.cases.CaseCategory;
import al.sportel.model.cases.CaseView;
import al.sportel.slip.Slip;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/**
 * The complaints and applications a counter reads: categories, the centre's cases, slips and the files citizens
 * attached. Filing and status changes go through the outbox (they must survive a lost link), not through here.
 */
public final class CasesApi {

    private final ApiClient api;

    public CasesApi(ApiClient api) {
        this.api = api;
    }

    /** {@code complaint-categories} or {@code application-types}. */
    public List<CaseCategory> categories(boolean complaint) throws ApiException {
        return api.call("GET", complaint ? "/api/v1/complaint-categories" : "/api/v1/application-types", null,
                new TypeReference<List<CaseCategory>>() { });
    }

    /** Where a case's status is changed: complaints and applications each have their own collection. */
    public static String path(CaseView c) {
        return (c.complaint() ? "/api/v1/complaints/" : "/api/v1/applications/") + c.id();
    }

    public List<CaseView> list(String branch, String status, String category, boolean overdue) throws ApiException {
        StringBuilder q = new StringBuilder("/api/v1/cases?branchCode=").append(branch);
        if (status != null) {
            q.append("&status=").append(status);
        }
        if (category != null) {
            q.append("&category=").append(category);
        }
        if (overdue) {
            q.append("&overdue=true");
        }
        return api.call("GET", q.toString(), null, new TypeReference<List<CaseView>>() { });
    }

    public byte[] slipPdf(long id, String lang) throws ApiException {
        return api.download("/api/v1/cases/" + id + "/slip.pdf?lang=" + lang);
    }

    /** The case slip's content, for a thermal printer the desktop drives itself. */
    public Slip slipContent(long id, String lang) throws ApiException {
        return api.call("GET", "/api/v1/cases/" + id + "/slip?lang=" + lang, null, Slip.class);
    }

    /** The files a citizen attached to a case (staff only; none for cases taken at a counter). */
    public List<CaseAttachment> attachments(long caseId) throws ApiException {
        return api.call("GET", "/api/v1/cases/" + caseId + "/attachments", null, new TypeReference<List<CaseAttachment>>() { });
    }

    /** One attachment's bytes, at most 5 MB. */
    public byte[] attachment(long caseId, long attachmentId) throws ApiException {
        return api.download("/api/v1/cases/" + caseId + "/attachments/" + attachmentId);
    }
}
