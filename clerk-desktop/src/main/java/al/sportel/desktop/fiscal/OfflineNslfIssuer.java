package al.sportel.desktop.fiscal;

import al.sportel.desktop.api.ApiClient;
import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.offline.LocalStore;
import al.sportel.model.Json;
import al.sportel.model.fiscal.FiscalOrdinalBlock;
import al.sportel.model.fiscal.Iic;
import al.sportel.model.fiscal.OfflineNslf;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Issues NSLFs on a counter cut off from the server (ADR 0007 section 3), with the counter key and the block of
 * ordinals the server reserved for this counter, kept in the local file. The IIC is computed exactly as the
 * server does (shared {@link Iic}), so the server registers the same NSLF when the payment arrives.
 */
public final class OfflineNslfIssuer {

    /** Below this many unused ordinals the counter asks for a fresh block while it can. */
    static final int LOW = 10;

    /** What the offline slip prints, and what the payment carries to the server. */
    public record Issued(OfflineNslf nslf, String invNum, String issueDateTime, String verifyUrl, FiscalOrdinalBlock block) {
    }

    private static final ObjectMapper JSON = Json.newMapper();

    private final LocalStore store;
    private final CounterKey key;
    private final long counterId;
    private final Clock clock;

    public OfflineNslfIssuer(LocalStore store, CounterKey key, long counterId, Clock clock) {
        this.store = store;
        this.key = key;
        this.counterId = counterId;
        this.clock = clock;
    }

    /** True when the counter should ask the server for a block now: none, another year's, or nearly used up. */
    public boolean needsBlock() throws SQLException {
        int year = clock.instant().atZone(Iic.ZONE).getYear();
        return store.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT inv_year, next_ordinal, last_ordinal FROM fiscal_blocks WHERE counter_id = ?")) {
                s.setLong(1, counterId);
                try (ResultSet rs = s.executeQuery()) {
                    return !rs.next() || rs.getInt(1) != year || rs.getInt(3) - rs.getInt(2) + 1 < LOW;
                }
            }
        });
    }

    /**
     * While the server answers: asks it for a fresh block when this one runs low. Blocking. It says which
     * ordinal it would use next, so receipts it issued offline and has not synced yet count as used: the
     * server would otherwise hand the same, nearly used-up block again.
     */
    public void refresh(ApiClient api) throws ApiException, SQLException {
        if (needsBlock()) {
            keep(api.call("POST", "/api/v1/fiscal/counters/" + counterId + "/ordinal-blocks", blockRequest(), FiscalOrdinalBlock.class));
        }
    }

    /** What asking for a block says: the ordinal this counter would use next, when it has a block of this year. */
    Map<String, Object> blockRequest() throws SQLException {
        return nextOrdinal().<Map<String, Object>>map(n -> Map.of("nextOrdinal", n)).orElse(Map.of());
    }

    private Optional<Integer> nextOrdinal() throws SQLException {
        int year = clock.instant().atZone(Iic.ZONE).getYear();
        return store.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT next_ordinal FROM fiscal_blocks WHERE counter_id = ? AND inv_year = ?")) {
                s.setLong(1, counterId);
                s.setInt(2, year);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getInt(1)) : Optional.<Integer>empty();
                }
            }
        });
    }

    /**
     * Keeps a block the server handed out; a new one replaces the previous one (its unused ordinals are a gap).
     * The server hands the same block again while it still has ordinals free, and then the counter carries
     * on where it was: starting it over would print an ordinal twice.
     */
    public void keep(FiscalOrdinalBlock block) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(block);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        store.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM fiscal_blocks WHERE counter_id = ? AND inv_year = ? AND last_ordinal = ?")) {
                s.setLong(1, counterId);
                s.setInt(2, block.year());
                s.setInt(3, block.last());
                try (ResultSet rs = s.executeQuery()) {
                    // blocks never overlap, so the same year and last ordinal is the same block
                    if (rs.next() && rs.getInt(1) > 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM fiscal_blocks WHERE counter_id = ?")) {
                s.setLong(1, counterId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO fiscal_blocks (counter_id, block, inv_year, next_ordinal, last_ordinal, kept_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)) {
                s.setLong(1, counterId);
                s.setString(2, json);
                s.setInt(3, block.year());
                s.setInt(4, block.first());
                s.setInt(5, block.last());
                s.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes the next ordinal (committed before anything else, so it is never used twice) and computes the NSLF
     * of a sale of {@code qindarka} taken at {@code takenAt}. Empty without a usable block of this year.
     */
    public Optional<Issued> issue(Instant takenAt, long qindarka) throws SQLException {
        int year = takenAt.atZone(Iic.ZONE).getYear();
        record Taken(int ordinal, String block) {
        }
        Optional<Taken> taken = store.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT next_ordinal, block FROM fiscal_blocks WHERE counter_id = ? AND inv_year = ? AND next_ordinal <= last_ordinal")) {
                s.setLong(1, counterId);
                s.setInt(2, year);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Taken t = new Taken(rs.getInt(1), rs.getString(2));
                    try (PreparedStatement u = c.prepareStatement("UPDATE fiscal_blocks SET next_ordinal = next_ordinal + 1 WHERE counter_id = ?")) {
                        u.setLong(1, counterId);
                        u.executeUpdate();
                    }
                    return Optional.of(t);
                }
            }
        });
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        FiscalOrdinalBlock b;
        try {
            b = JSON.readValue(taken.get().block(), FiscalOrdinalBlock.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kept block cannot be read", e);
        }
        int ordinal = taken.get().ordinal();
        String issue = Iic.dateTime(takenAt);
        String total = Iic.amount(qindarka);
        Iic iic = Iic.compute(Iic.input(b.nuis(), issue, b.invNumForIic(ordinal), b.businUnitCode(), b.tcrCode(), b.softCode(), total),
                key.privateKey());
        String url = Iic.verifyUrl(b.verifyBase(), iic.code(), b.nuis(), issue, ordinal, b.businUnitCode(), b.tcrCode(), b.softCode(), total);
        return Optional.of(new Issued(new OfflineNslf(ordinal, iic.code(), iic.signature()), b.invNum(ordinal), issue, url, b));
    }
}
