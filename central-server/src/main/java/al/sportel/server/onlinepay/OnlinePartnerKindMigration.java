package al.sportel.server.onlinepay;

import al.sportel.server.db.UnnamedCheckMigration;
import java.sql.SQLException;
import java.sql.Statement;

/** V44: lets a channel partner be an ONLINE card-payment provider (V20 wrote the kind's CHECK without a name). */
public final class OnlinePartnerKindMigration extends UnnamedCheckMigration {

    public OnlinePartnerKindMigration() {
        super("44", "online partner kind", 44_001, "channel_partners", "MOBILE");
    }

    @Override
    protected void replace(Statement s) throws SQLException {
        s.execute("ALTER TABLE channel_partners ADD CONSTRAINT channel_partners_kind CHECK (kind IN ('POST', 'BANK', 'MOBILE', 'ONLINE'))");
    }
}
