package al.sportel.desktop.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending payments of a customer come from their own columns, also for payments written by the previous version. */
class OutboxPaymentColumnsTest {

    @TempDir
    Path dir;

    @Test
    void pendingPaymentsAreFoundByCustomerAndLeaveWhenSettled() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            Outbox outbox = new Outbox(store);
            Outbox.Item first = outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "first",
                    new Outbox.Payer("100001", 120_00));
            outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "second", new Outbox.Payer("100001", 30_50));
            outbox.add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "other", new Outbox.Payer("1000011", 99_00));
            // a complaint that names the customer is not a payment
            outbox.add(Outbox.Kind.COMPLAINT, "POST", "/api/v1/complaints", "{\"customerCode\":\"100001\"}", "clerk1", "case");

            assertThat(outbox.pendingPayments("100001").stream().map(Outbox.PendingPayment::amount).toList()).containsExactly(120_00L, 30_50L);

            outbox.done(first.id(), "{}");
            assertThat(outbox.pendingPayments("100001").stream().map(Outbox.PendingPayment::amount).toList()).containsExactly(30_50L);
            assertThat(outbox.pendingPayments("100002").stream().map(Outbox.PendingPayment::amount).toList()).isEmpty();
        }
    }

    @Test
    void paymentsWaitingInAnOlderFileGetTheirColumnsOnUpgrade() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(LocalStore.NAME) + ";WRITE_DELAY=0";
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sportel");
        ds.setPassword("");
        Flyway.configure().dataSource(ds).locations("classpath:al/sportel/desktop/local/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sportel", ""); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO outbox (kind, http_method, path, body, idempotency_key, username, summary, state, created_at, next_attempt_at)
                    VALUES ('PAYMENT', 'POST', '/api/v1/payments',
                            '{"customerCode":"100007","amount":"2450.50","method":"CARD","counterId":1}',
                            'k1', 'clerk1', 'old', 'PENDING', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                    """);
        }

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(new Outbox(store).pendingPayments("100007").stream().map(Outbox.PendingPayment::amount).toList()).containsExactly(2450_50L);
        }
    }
}
