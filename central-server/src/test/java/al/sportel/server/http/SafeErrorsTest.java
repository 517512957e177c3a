package al.sportel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Issue 14 item 15: a failing statement is logged by its types and SQLState, never its text or values. */
class SafeErrorsTest {

    @Test
    void aFailureIsDescribedWithoutItsMessages() {
        SQLException cause = new SQLException("ERROR: invalid byte sequence; values ('Arta Hoxha', '+355 69 123 4567', '$2a$10$hash')",
                "22021");
        RuntimeException e = new IllegalStateException("INSERT INTO cases ... arguments {Arta Hoxha}", cause);
        String described = SafeErrors.describe(e);
        assertThat(described).contains("IllegalStateException").contains("SQLException(SQLState 22021)")
                .doesNotContain("Arta").doesNotContain("+355").doesNotContain("$2a$").doesNotContain("INSERT");
    }

    @Test
    void accessLinesKeepOnlyTheStartOfPersonalKeys() {
        assertThat(AccessLogMask.path("/api/v1/public/track/ANK-2026-7KQ9XM")).isEqualTo("/api/v1/public/track/AN***");
        assertThat(AccessLogMask.path("/api/v1/customers/100077")).isEqualTo("/api/v1/customers/10***");
        assertThat(AccessLogMask.path("/public/receipts/abcdefghijklmnopqrstuvwx")).isEqualTo("/public/receipts/ab***");
        assertThat(AccessLogMask.path("/api/v1/public/remote-tickets/8f3c2a9b7d/qr.svg")).isEqualTo("/api/v1/public/remote-tickets/8f***/qr.svg");
        assertThat(AccessLogMask.path("/api/v1/public/appointments/4b7e1d/cancel")).isEqualTo("/api/v1/public/appointments/4b***/cancel");
        assertThat(AccessLogMask.path("/api/v1/branches/TR01/queue")).isEqualTo("/api/v1/branches/TR01/queue");
        assertThat(AccessLogMask.path("/api/v1/branches/TR01/appointments/check-in")).isEqualTo("/api/v1/branches/TR01/appointments/check-in");
        assertThat(AccessLogMask.path("/api/v1/cases/apl-2026-7KQ9XM/notes")).isEqualTo("/api/v1/cases/apl-2026-***/notes");
        assertThat(AccessLogMask.path("/api/v1/cases/APL%2D2026%2d7KQ9XM/notes")).isEqualTo("/api/v1/cases/APL%2D2026%2d***/notes");
    }
}
