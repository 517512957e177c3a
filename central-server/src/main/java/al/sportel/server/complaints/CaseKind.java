package al.sportel.server.complaints;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Complaints and applications share one life; only applications can be APPROVED. */
public enum CaseKind {
    COMPLAINT("ANK", EnumSet.of(CaseStatus.RESOLVED, CaseStatus.REJECTED)),
    APPLICATION("APL", EnumSet.of(CaseStatus.RESOLVED, CaseStatus.REJECTED, CaseStatus.APPROVED));

    final String prefix;
    private final Set<CaseStatus> endings;

    CaseKind(String prefix, Set<CaseStatus> endings) {
        this.prefix = prefix;
        this.endings = endings;
    }

    /** RECEIVED → IN_REVIEW | REJECTED; IN_REVIEW → the kind's endings. Nothing leaves an ending. */
    boolean allows(CaseStatus from, CaseStatus to) {
        Map<CaseStatus, Set<CaseStatus>> next = Map.of(
                CaseStatus.RECEIVED, EnumSet.of(CaseStatus.IN_REVIEW, CaseStatus.REJECTED),
                CaseStatus.IN_REVIEW, endings);
        return next.getOrDefault(from, Set.of()).contains(to);
    }

    public enum CaseStatus {
        RECEIVED, IN_REVIEW, RESOLVED, REJECTED, APPROVED;

        boolean open() {
            return this == RECEIVED || this == IN_REVIEW;
        }
    }
}
