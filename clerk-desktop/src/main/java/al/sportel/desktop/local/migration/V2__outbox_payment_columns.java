package al.sportel.desktop.local.migration;

import al.sportel.model.Json;
import al.sportel.model.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives a payment in the outbox its customer and amount as columns, so the pending payments of one
 * customer are a query instead of a search through stored JSON text. A Java migration because the
 * payments already waiting in an existing file are filled in from their JSON bodies, which H2's SQL
 * cannot read.
 */
public class V2__outbox_payment_columns extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE outbox ADD COLUMN customer_code VARCHAR(20)");
            s.execute("ALTER TABLE outbox ADD COLUMN amount BIGINT");
            s.execute("CREATE INDEX outbox_customer ON outbox (customer_code, state, kind)");
        }
        ObjectMapper mapper = Json.newMapper();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, body FROM outbox WHERE kind = 'PAYMENT'");
             PreparedStatement update = c.prepareStatement("UPDATE outbox SET customer_code = ?, amount = ? WHERE id = ?")) {
            while (rs.next()) {
                JsonNode body = read(mapper, rs.getString("body"));
                String customer = body.path("customerCode").asText(null);
                Long amount = amount(body.path("amount").asText(null));
                update.setString(1, customer);
                if (amount == null) {
                    update.setNull(2, Types.BIGINT);
                } else {
                    update.setLong(2, amount);
                }
                update.setLong(3, rs.getLong("id"));
                update.executeUpdate();
            }
        }
    }

    private static JsonNode read(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            // a body this client wrote is always JSON; should one not be, it simply keeps no columns
            return mapper.createObjectNode();
        }
    }

    private static Long amount(String text) {
        try {
            return text == null ? null : Money.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
