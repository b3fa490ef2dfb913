package org.riskbudget.projection.apply;

import static org.riskbudget.projection.storage.SqlTime.instant;
import static org.riskbudget.projection.storage.SqlTime.utc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.projection.storage.BinaryCopy;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a batch's rows with one query per table and writes them back with one JDBC batch per table: the cost of a
 * batch grows with the rows it touches, not with its events, which is what makes a full replay fast. The rows added
 * per event (history and statement lines) are appended with COPY, the cheapest way into PostgreSQL.
 */
@Component
class ReadModelStore {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound memory per statement. */
    private static final int JDBC_BATCH_ROWS = 1000;

    // Locked so that two consumers briefly owning the same partition during a rebalance apply a regime in turn;
    // the second then sees the first's position and skips what it applied.
    private static final String SELECT_REGIMES = "SELECT * FROM regime_budget WHERE regime_id = ANY (?) FOR UPDATE";
    private static final String SELECT_COMPANIES = "SELECT c.* FROM company_account c"
            + " JOIN unnest(?::text[], ?::text[]) AS k(regime_id, company_id) USING (regime_id, company_id)";
    private static final String SELECT_CASES = "SELECT c.* FROM safety_case c"
            + " JOIN unnest(?::text[], ?::text[]) AS k(regime_id, case_id) USING (regime_id, case_id)";
    private static final String SELECT_TRANSFERS = "SELECT t.* FROM transfer t"
            + " JOIN unnest(?::text[], ?::text[]) AS k(regime_id, transfer_id) USING (regime_id, transfer_id)";

    private static final String UPSERT_REGIME = """
            INSERT INTO regime_budget (regime_id, name, cap_ppb, pool_ppb, available_ppb, reserved_ppb, spent_ppb,
                last_sequence, last_hash, opened_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (regime_id) DO UPDATE SET pool_ppb = EXCLUDED.pool_ppb,
                available_ppb = EXCLUDED.available_ppb, reserved_ppb = EXCLUDED.reserved_ppb,
                spent_ppb = EXCLUDED.spent_ppb, last_sequence = EXCLUDED.last_sequence,
                last_hash = EXCLUDED.last_hash, updated_at = EXCLUDED.updated_at""";
    private static final String UPSERT_COMPANY = """
            INSERT INTO company_account (regime_id, company_id, name, allocated_ppb, net_transferred_ppb,
                available_ppb, reserved_ppb, spent_ppb, registered_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (regime_id, company_id) DO UPDATE SET allocated_ppb = EXCLUDED.allocated_ppb,
                net_transferred_ppb = EXCLUDED.net_transferred_ppb, available_ppb = EXCLUDED.available_ppb,
                reserved_ppb = EXCLUDED.reserved_ppb, spent_ppb = EXCLUDED.spent_ppb,
                updated_at = EXCLUDED.updated_at""";
    private static final String UPSERT_CASE = """
            INSERT INTO safety_case (regime_id, case_id, company_id, system_name, system_version, capability_tier,
                window_from, window_to, status, risk_ppb, charged_ppb, reserved_ppb, flags, depends_on,
                submitted_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (regime_id, case_id) DO UPDATE SET status = EXCLUDED.status,
                risk_ppb = EXCLUDED.risk_ppb, charged_ppb = EXCLUDED.charged_ppb,
                reserved_ppb = EXCLUDED.reserved_ppb, flags = EXCLUDED.flags, updated_at = EXCLUDED.updated_at""";
    private static final String UPSERT_TRANSFER = """
            INSERT INTO transfer (regime_id, transfer_id, from_company_id, to_company_id, amount_ppb, status,
                requested_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (regime_id, transfer_id) DO UPDATE SET status = EXCLUDED.status,
                updated_at = EXCLUDED.updated_at""";
    // Appended with COPY, which a second row for the same event fails like an INSERT: that would be a bug in
    // de-duplication, and must fail the batch.
    private static final List<String> HISTORY_COLUMNS = List.of("regime_id", "sequence", "occurred_at",
            "event_type", "hash", "pool_ppb", "reserved_ppb", "spent_ppb");
    private static final List<String> MOVEMENT_COLUMNS = List.of("regime_id", "company_id", "sequence",
            "occurred_at", "event_type", "hash", "allocated_ppb", "net_transferred_ppb", "available_ppb",
            "reserved_ppb", "spent_ppb");
    private static final String RECORD_STALL = """
            INSERT INTO projection_gap (regime_id, expected_sequence, kind, received_sequence, topic_partition,
                record_offset, detected_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (regime_id, expected_sequence, kind) DO UPDATE SET
                received_sequence = EXCLUDED.received_sequence, topic_partition = EXCLUDED.topic_partition,
                record_offset = EXCLUDED.record_offset, last_seen_at = EXCLUDED.last_seen_at,
                resolved_at = NULL
            RETURNING (xmax = 0) AS first_seen""";
    private static final String RESOLVE_STALLS = """
            UPDATE projection_gap SET resolved_at = ?
            WHERE regime_id = ? AND resolved_at IS NULL AND expected_sequence <= ?""";

    private final JdbcTemplate jdbc;

    ReadModelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    BatchState load(References references) {
        BatchState state = new BatchState();
        if (references.regimes.isEmpty()) {
            return state;
        }
        jdbc.query(SELECT_REGIMES, statement -> statement.setArray(1, texts(statement, references.regimes)),
                (ResultSet row) -> {
                    RegimeRow regime = regime(row);
                    state.regimes.put(regime.regimeId, regime);
                });
        loadMembers(SELECT_COMPANIES, references.companies, row -> {
            CompanyRow company = company(row);
            state.companies.put(new Key(company.regimeId, company.companyId), company);
        });
        loadMembers(SELECT_CASES, references.cases, row -> {
            CaseRow safetyCase = safetyCase(row);
            state.cases.put(new Key(safetyCase.regimeId, safetyCase.caseId), safetyCase);
        });
        loadMembers(SELECT_TRANSFERS, references.transfers, row -> {
            TransferRow transfer = transfer(row);
            state.transfers.put(new Key(transfer.regimeId, transfer.transferId), transfer);
        });
        return state;
    }

    void write(BatchState state) {
        batch(UPSERT_REGIME, changed(state.regimes, r -> r.changed), (statement, r) -> {
            statement.setString(1, r.regimeId);
            statement.setString(2, r.name);
            statement.setLong(3, r.capPpb);
            statement.setLong(4, r.poolPpb);
            statement.setLong(5, r.availablePpb);
            statement.setLong(6, r.reservedPpb);
            statement.setLong(7, r.spentPpb);
            statement.setLong(8, r.lastSequence);
            statement.setString(9, r.lastHash);
            statement.setObject(10, utc(r.openedAt));
            statement.setObject(11, utc(r.updatedAt));
        });
        batch(UPSERT_COMPANY, changed(state.companies, c -> c.changed), (statement, c) -> {
            statement.setString(1, c.regimeId);
            statement.setString(2, c.companyId);
            statement.setString(3, c.name);
            statement.setLong(4, c.allocatedPpb);
            statement.setLong(5, c.netTransferredPpb);
            statement.setLong(6, c.availablePpb);
            statement.setLong(7, c.reservedPpb);
            statement.setLong(8, c.spentPpb);
            statement.setObject(9, utc(c.registeredAt));
            statement.setObject(10, utc(c.updatedAt));
        });
        batch(UPSERT_CASE, changed(state.cases, c -> c.changed), (statement, c) -> {
            statement.setString(1, c.regimeId);
            statement.setString(2, c.caseId);
            statement.setString(3, c.companyId);
            statement.setString(4, c.systemName);
            statement.setString(5, c.systemVersion);
            statement.setString(6, c.capabilityTier.name());
            statement.setObject(7, utc(c.windowFrom));
            statement.setObject(8, utc(c.windowTo));
            statement.setString(9, c.status.name());
            statement.setLong(10, c.riskPpb);
            statement.setLong(11, c.chargedPpb);
            statement.setLong(12, c.reservedPpb);
            statement.setArray(13, texts(statement, c.flags.stream().map(CaseFlag::name).toList()));
            statement.setArray(14, texts(statement, c.dependsOn));
            statement.setObject(15, utc(c.submittedAt));
            statement.setObject(16, utc(c.updatedAt));
        });
        batch(UPSERT_TRANSFER, changed(state.transfers, t -> t.changed), (statement, t) -> {
            statement.setString(1, t.regimeId);
            statement.setString(2, t.transferId);
            statement.setString(3, t.fromCompanyId);
            statement.setString(4, t.toCompanyId);
            statement.setLong(5, t.amountPpb);
            statement.setString(6, t.status.name());
            statement.setObject(7, utc(t.requestedAt));
            statement.setObject(8, utc(t.updatedAt));
        });
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            appendHistory(connection, state.history);
            appendMovements(connection, state.movements);
            return null;
        });
    }

    private static void appendHistory(Connection connection, List<AppliedEvent> history) throws SQLException {
        BinaryCopy.append(connection, "regime_history", HISTORY_COLUMNS, history, (h, fields) -> fields
                .text(h.regimeId().value()).int8(h.sequence()).timestamptz(h.occurredAt()).text(h.type())
                .text(h.hash()).int8(h.poolPpb()).int8(h.reservedPpb()).int8(h.spentPpb()));
    }

    private static void appendMovements(Connection connection, List<MovementRow> movements) throws SQLException {
        BinaryCopy.append(connection, "company_movement", MOVEMENT_COLUMNS, movements, (m, fields) -> fields
                .text(m.regimeId()).text(m.companyId()).int8(m.sequence()).timestamptz(m.occurredAt())
                .text(m.type()).text(m.hash()).int8(m.allocatedPpb()).int8(m.netTransferredPpb())
                .int8(m.availablePpb()).int8(m.reservedPpb()).int8(m.spentPpb()));
    }

    /** Records a stall, or refreshes it when it was seen before; true the first time it is seen. */
    boolean recordStall(Stall stall, Instant now) {
        Boolean firstSeen = jdbc.queryForObject(RECORD_STALL, Boolean.class, stall.regimeId(),
                stall.expectedSequence(), stall.kind().name(), stall.receivedSequence(), stall.partition(),
                stall.offset(), utc(now), utc(now));
        return Boolean.TRUE.equals(firstSeen);
    }

    /** Marks as resolved every stall of these regimes that their applied events have now moved past. */
    void resolveStalls(Map<String, Long> lastSequences, Instant now) {
        batch(RESOLVE_STALLS, List.copyOf(lastSequences.entrySet()), (statement, regime) -> {
            statement.setObject(1, utc(now));
            statement.setString(2, regime.getKey());
            statement.setLong(3, regime.getValue());
        });
    }

    // ---------------------------------------------------------------- helpers

    private interface RowSetter<T> {
        void set(PreparedStatement statement, T row) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private <T> void batch(String sql, Collection<T> rows, RowSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, JDBC_BATCH_ROWS, setter::set);
        }
    }

    private static <T> List<T> changed(Map<?, T> rows, Predicate<T> changed) {
        return rows.values().stream().filter(changed).toList();
    }

    private void loadMembers(String sql, Collection<Key> keys, RowReader reader) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> regimeIds = keys.stream().map(Key::regimeId).toList();
        List<String> ids = keys.stream().map(Key::id).toList();
        jdbc.query(sql, statement -> {
            statement.setArray(1, texts(statement, regimeIds));
            statement.setArray(2, texts(statement, ids));
        }, (ResultSet row) -> {
            reader.read(row);
        });
    }

    private static Array texts(PreparedStatement statement, Collection<String> values) throws SQLException {
        Connection connection = statement.getConnection();
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }

    private static List<String> texts(ResultSet row, String column) throws SQLException {
        return Arrays.asList((String[]) row.getArray(column).getArray());
    }

    private static RegimeRow regime(ResultSet row) throws SQLException {
        RegimeRow regime = new RegimeRow(row.getString("regime_id"), row.getString("name"), row.getLong("cap_ppb"),
                instant(row, "opened_at"));
        regime.poolPpb = row.getLong("pool_ppb");
        regime.availablePpb = row.getLong("available_ppb");
        regime.reservedPpb = row.getLong("reserved_ppb");
        regime.spentPpb = row.getLong("spent_ppb");
        regime.lastSequence = row.getLong("last_sequence");
        regime.lastHash = row.getString("last_hash");
        regime.updatedAt = instant(row, "updated_at");
        return regime;
    }

    private static CompanyRow company(ResultSet row) throws SQLException {
        CompanyRow company = new CompanyRow(row.getString("regime_id"), row.getString("company_id"),
                row.getString("name"), instant(row, "registered_at"));
        company.allocatedPpb = row.getLong("allocated_ppb");
        company.netTransferredPpb = row.getLong("net_transferred_ppb");
        company.availablePpb = row.getLong("available_ppb");
        company.reservedPpb = row.getLong("reserved_ppb");
        company.spentPpb = row.getLong("spent_ppb");
        company.updatedAt = instant(row, "updated_at");
        return company;
    }

    private static CaseRow safetyCase(ResultSet row) throws SQLException {
        TreeSet<CaseFlag> flags = new TreeSet<>();
        texts(row, "flags").forEach(flag -> flags.add(CaseFlag.valueOf(flag)));
        CaseRow safetyCase = new CaseRow(row.getString("regime_id"), row.getString("case_id"),
                row.getString("company_id"), row.getString("system_name"), row.getString("system_version"),
                CapabilityTier.valueOf(row.getString("capability_tier")), instant(row, "window_from"),
                instant(row, "window_to"), texts(row, "depends_on"), instant(row, "submitted_at"), flags);
        safetyCase.status = CaseStatus.valueOf(row.getString("status"));
        safetyCase.riskPpb = row.getLong("risk_ppb");
        safetyCase.chargedPpb = row.getLong("charged_ppb");
        safetyCase.reservedPpb = row.getLong("reserved_ppb");
        safetyCase.updatedAt = instant(row, "updated_at");
        return safetyCase;
    }

    private static TransferRow transfer(ResultSet row) throws SQLException {
        TransferRow transfer = new TransferRow(row.getString("regime_id"), row.getString("transfer_id"),
                row.getString("from_company_id"), row.getString("to_company_id"), row.getLong("amount_ppb"),
                instant(row, "requested_at"), TransferStatus.valueOf(row.getString("status")));
        transfer.updatedAt = instant(row, "updated_at");
        return transfer;
    }
}
