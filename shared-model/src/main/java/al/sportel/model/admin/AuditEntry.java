package al.sportel.model.admin;

import java.time.Instant;

/** One line of a branch's audit log: who did what to which thing, and the details. */
public record AuditEntry(Instant at, String actor, String branchCode, String action, String target, String details) {
}
