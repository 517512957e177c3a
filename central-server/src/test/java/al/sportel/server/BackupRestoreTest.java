package al.sportel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} of a running server that has taken payments, {@code restore} into a fresh place,
 * and every payment is there: on the embedded database with the server as its own process (its file
 * is locked, so the backup is made online by the server), and on PostgreSQL through pg_dump.
 */
class BackupRestoreTest {

    @TempDir
    Path tmp;

    private static List<Long> takePayments(Api api, long counter, int n) {
        List<Long> ids = new ArrayList<>();
        api.act("clerk1", "/api/v1/counters/" + counter + "/open"); // payments only at the counter held
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = Map.of("customerCode", "100001", "amount", (10 + i) + ".25", "method", "CASH",
                    "tendered", "100.00", "counterId", counter);
            JsonNode p = api.raw("POST", "/api/v1/payments", api.token("clerk1"), Api.write(body),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201).json();
            ids.add(p.get("id").asLong());
        }
        return ids;
    }

    private static void assertAllThere(Api api, List<Long> ids) {
        for (long id : ids) {
            assertThat(api.get("/api/v1/payments/" + id, api.token("clerk1")).expect(200).json().get("id").asLong()).isEqualTo(id);
        }
    }

    @Test
    void aBackupOfARunningServerRestoresEveryPayment() throws Exception {
        if (TestServer.onPostgres()) {
            onPostgres();
        } else {
            onH2();
        }
    }

    private String caseCode;

    private void onH2() throws Exception {
        Path live = tmp.resolve("live");
        Path fresh = tmp.resolve("fresh");
        Path zip = tmp.resolve("backups/sportel.zip");
        Map<String, String> env = Map.of("SPORTEL_OPS_TOKEN", "backup-token");
        List<Long> ids;
        try (ServerProcess server = ServerProcess.start(env, "--demo", "--port", "0", "--data-dir", live.toString())) {
            Api api = new Api(server.baseUrl());
            ids = takePayments(api, api.counterId("TR01", 1), 3);
            // a complaint from the phone app with a photo: the photo is a file beside the database
            String code = new Multipart().field("kind", "COMPLAINT").field("category", "WRONG_BILL").field("name", "Dritan Zeneli")
                    .field("phone", "069 123 4567").field("description", "The October bill counts the meter twice.")
                    .file("attachments", "meter.png", "image/png", AppAccountCasesTest.PNG)
                    .post(server.baseUrl() + "/api/v1/public/app/cases", Map.of()).expect(201).json().get("trackingCode").asText();
            caseCode = code;
            // a bank's API key in use, sealed under this machine's channel master key
            JsonNode partner = api.post("/api/v1/partners", api.token("admin"), Map.of("code", "BNKR", "name", "Banka", "kind", "BANK"))
                    .expect(201).json();
            api.post("/api/v1/partners/" + partner.get("id").asLong() + "/credentials", api.token("admin"), Map.of()).expect(201);
            ServerProcess.Result backup = ServerProcess.run(env, "backup", "--to", zip.toString(),
                    "--port", Integer.toString(server.port()), "--data-dir", live.toString());
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("online, from the running server").contains("checked: ");

            ServerProcess.Result refused = ServerProcess.run(Map.of(), "restore", "--from", zip.toString(), "--data-dir", live.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output().strip()).doesNotContain("\n").contains("already holds a database");
        }
        ServerProcess.Result restore = ServerProcess.run(Map.of(), "restore", "--from", zip.toString(), "--data-dir", fresh.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("channel-master.key").contains("fiscal keystore (.p12) and its password file")
                .contains("SPORTEL_PAY_WEBHOOK_SECRET_FILE");
        // The bank's key is sealed under the old machine's key, which a backup does not carry (a stolen backup alone
        // must not sign as a bank): without it the server says so and does not start.
        assertThatThrownBy(() -> SportelServer.start(ServerConfig.defaults().withPort(0).withDataDir(fresh)))
                .hasMessageContaining("channel master key").hasMessageContaining("SPORTEL_CHANNEL_KEY");
        Files.copy(live.resolve("channel-master.key"), fresh.resolve("channel-master.key"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(restore.output()).contains("1 attachments");
        try (SportelServer restored = SportelServer.start(ServerConfig.defaults().withPort(0).withDataDir(fresh))) {
            Api api = new Api(restored.baseUrl());
            assertAllThere(api, ids);
            // the photo came back with its case (before, the case listed it and opening it failed)
            long caseId = restored.database().read(h -> h.createQuery("SELECT id FROM cases WHERE tracking_code = :c")
                    .bind("c", caseCode).mapTo(Long.class).one());
            JsonNode files = api.get("/api/v1/cases/" + caseId + "/attachments", api.token("clerk1")).expect(200).json();
            Api.Response photo = api.get("/api/v1/cases/" + caseId + "/attachments/" + files.get(0).get("id").asLong(), api.token("clerk1"));
            assertThat(photo.status()).isEqualTo(200);
        }
    }

    private void onPostgres() throws Exception {
        String url = System.getenv("SPORTEL_TEST_PG_URL");
        String user = System.getenv("SPORTEL_TEST_PG_USER");
        String password = System.getenv("SPORTEL_TEST_PG_PASSWORD");
        Path dump = tmp.resolve("sportel.dump");
        List<Long> ids;
        String schema;
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            ids = takePayments(api, api.counterId("TR01", 1), 3);
            schema = server.server().database().read(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
            Map<String, String> env = Map.of("SPORTEL_DB_USER", user, "SPORTEL_DB_PASSWORD", password);
            ServerProcess.Result backup = ServerProcess.run(env, "backup", "--to", dump.toString(),
                    "--db", url + "?currentSchema=" + schema);
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("payments among them");
            assertThat(Files.size(dump)).isPositive();

            server.server().close(); // the loss: the schema is gone
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
            ServerProcess.Result restore = ServerProcess.run(env, "restore", "--from", dump.toString(),
                    "--db", url + "?currentSchema=" + schema);
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("channel-master.key").contains(".p12").contains("SPORTEL_PAY_WEBHOOK_SECRET_FILE");
            Files.copy(server.dataDir().resolve("channel-master.key"), tmp.resolve("channel-master.key"), StandardCopyOption.REPLACE_EXISTING);
            try (SportelServer restored = SportelServer.start(ServerConfig.defaults().withPort(0).withDataDir(tmp)
                    .withDatabase(url, user, password, schema))) {
                assertAllThere(new Api(restored.baseUrl()), ids);
            }
        }
    }
}
