package al.sportel.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.sportel.server.ServerConfig;
import al.sportel.server.ops.BackupCommand.CommandException;
import al.sportel.server.ops.PgDump.Target;
import org.junit.jupiter.api.Test;

/** The connection pg_dump and pg_restore get from the server's JDBC URL and settings, as PgJDBC reads them. */
class PgDumpTest {

    private static Target target(String url, String user, String password, String schema) throws CommandException {
        return PgDump.target(ServerConfig.defaults().withDatabase(url, user, password, schema));
    }

    @Test
    void theShortFormIsTheLocalServerOnItsDefaultPort() throws CommandException {
        assertThat(target("jdbc:postgresql:sportel", "sportel", "pw", null))
                .isEqualTo(new Target("localhost", "5432", "sportel", null, "sportel", "pw"));
    }

    @Test
    void userPasswordAndSchemaInTheUrlWinAsWhenTheServerConnects() throws CommandException {
        Target t = target("jdbc:postgresql://db.example.al:5433/sportel?user=owner&password=p%26w&currentSchema=centre,public",
                "sportel", "from-env", null);
        assertThat(t).isEqualTo(new Target("db.example.al", "5433", "sportel", "centre", "owner", "p&w"));
        assertThat(t.toString()).doesNotContain("p&w");
        assertThat(target("jdbc:postgresql://db/sportel?currentSchema=centre", null, null, "given").schema()).isEqualTo("given");
    }

    @Test
    void anIpv6HostLosesItsBrackets() throws CommandException {
        assertThat(target("jdbc:postgresql://[::1]:5444/sportel?connectTimeout=2", null, null, null))
                .isEqualTo(new Target("::1", "5444", "sportel", null, null, null));
    }

    @Test
    void whatPgDumpCannotBeGivenIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> target("jdbc:postgresql://pg1:5432,pg2:5432/sportel?targetServerType=primary&password=s3cret", null, null, null))
                .isInstanceOf(CommandException.class).hasMessageContaining("several hosts").hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> target("jdbc:postgresql:", null, null, null))
                .isInstanceOf(CommandException.class).hasMessageContaining("names no database");
        assertThatThrownBy(() -> target("jdbc:postgresql://db:port/sportel", null, null, null))
                .isInstanceOf(CommandException.class).hasMessageContaining("cannot read the database URL jdbc:postgresql://db:port/sportel");
    }
}
