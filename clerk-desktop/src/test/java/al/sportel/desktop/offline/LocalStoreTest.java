package al.sportel.desktop.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the local file: migrated by Flyway when it needs it, reopened as it is when it is current. */
class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsMigratedToTheVersionTheStoreTakesForCurrent() throws Exception {
        LocalStore.open(dir).close();

        MigrationInfoService info = flyway().info();
        assertThat(info.pending()).as("migrations left after opening").isEmpty();
        assertThat(Arrays.stream(info.applied()).map(m -> m.getVersion().getVersion()).toList())
                .as("LocalStore.VERSIONS must list every migration, or a file missing a new one would be taken for current")
                .isEqualTo(LocalStore.VERSIONS);
        try (Connection c = DriverManager.getConnection(url(), "sportel", "")) {
            assertThat(LocalStore.isCurrent(c)).as("a file just migrated is current").isTrue();
        }
    }

    @Test
    void aCurrentFileReopensWithWhatItHeld() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            new Outbox(store).add(Outbox.Kind.PAYMENT, "POST", "/api/v1/payments", "{}", "clerk1", "kept",
                    new Outbox.Payer("100001", 5_00));
        }
        int migrationsRun = historyRows();

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(new Outbox(store).pendingPayments("100001").stream().map(Outbox.PendingPayment::amount).toList()).containsExactly(5_00L);
        }
        assertThat(historyRows()).isEqualTo(migrationsRun);
        try (Connection c = DriverManager.getConnection(url(), "sportel", "")) {
            assertThat(LocalStore.isCurrent(c)).as("so the second open did not start Flyway").isTrue();
            // a file that lacks one of this version's migrations is not current: Flyway brings it up to date
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + LocalStore.VERSIONS.get(0) + "'");
            }
            assertThat(LocalStore.isCurrent(c)).isFalse();
        }
    }

    @Test
    void aFileWhoseLastMigrationFailedIsStillRefusedAndKeptAside() throws Exception {
        LocalStore.open(dir).close();
        try (Connection c = DriverManager.getConnection(url(), "sportel", ""); Statement s = c.createStatement()) {
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '" + LocalStore.LATEST_VERSION + "'");
        }

        assertThatThrownBy(() -> LocalStore.open(dir))
                .isInstanceOfSatisfying(LocalStoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LocalStoreException.Kind.CORRUPT);
                    assertThat(e.keptAt()).isNotNull();
                    assertThat(Files.exists(e.keptAt())).isTrue();
                });
    }

    private int historyRows() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sportel", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Flyway flyway() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url());
        ds.setUser("sportel");
        ds.setPassword("");
        return Flyway.configure().dataSource(ds).locations(LocalStore.MIGRATIONS).load();
    }

    private String url() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(LocalStore.NAME) + ";WRITE_DELAY=0";
    }
}
