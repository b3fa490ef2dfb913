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
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.projection.storage.BinaryCopy;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a batch's rows with one query per table and writes them back with at most two statements per table: the
 * cost of a batch grows with the rows it touches, not with its events, which is what makes a full replay fast. New
 * rows, the history and statement lines added per event among them, are appended with COPY, the cheapest way into
 * PostgreSQL; the rows read and changed are updated with one JDBC batch.
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

    // A batch appends the rows its events created and updates the ones it read (ReadModelRow).
    private static final List<String> REGIME_COLUMNS = List.of("regime_id", "name", "cap_ppb", "pool_ppb",
            "available_ppb", "reserved_ppb", "spent_ppb", "last_sequence", "last_hash", "opened_at", "updated_at");
    private static final String UPDATE_REGIME = """
            UPDATE regime_budget SET pool_ppb = ?, available_ppb = ?, reserved_ppb = ?, spent_ppb = ?,
                last_sequence = ?, last_hash = ?, updated_at = ?
            WHERE regime_id = ?""";
    private static final List<String> COMPANY_COLUMNS = List.of("regime_id", "company_id", "name", "allocated_ppb",
            "net_transferred_ppb", "available_ppb", "reserved_ppb", "spent_ppb", "registered_at", "updated_at");
    private static final String UPDATE_COMPANY = """
            UPDATE company_account SET allocated_ppb = ?, net_transferred_ppb = ?, available_ppb = ?,
                reserved_ppb = ?, spent_ppb = ?, updated_at = ?
            WHERE regime_id = ? AND company_id = ?""";
    private static final List<String> CASE_COLUMNS = List.of("regime_id", "case_id", "company_id", "system_name",
            "system_version", "capability_tier", "window_from", "window_to", "status", "risk_ppb", "charged_ppb",
            "reserved_ppb", "flags", "depends_on", "submitted_at", "updated_at");
    private static final String UPDATE_CASE = """
            UPDATE safety_case SET status = ?, risk_ppb = ?, charged_ppb = ?, reserved_ppb = ?, flags = ?,
                updated_at = ?
            WHERE regime_id = ? AND case_id = ?""";
    private static final List<String> TRANSFER_COLUMNS = List.of("regime_id", "transfer_id", "from_company_id",
            "to_company_id", "amount_ppb", "status", "requested_at", "updated_at");
    private static final String UPDATE_TRANSFER = """
            UPDATE transfer SET status = ?, updated_at = ?
            WHERE regime_id = ? AND transfer_id = ?""";
    // Appended with COPY, which a second row for the same event fails like an INSERT: that would be a bug in
    // de-duplication, and must fail the batch.
    private static final List<String> HISTORY_COLUMNS = List.of("regime_id", "sequence", "occurred_at",
            "event_type", "hash", "pool_ppb", "reserved_ppb", "spent_ppb");
    private static final List<String> MOVEMENT_COLUMNS = List.of("regime_id", "company_id", "sequence",
            "allocated_ppb", "net_transferred_ppb", "available_ppb", "reserved_ppb", "spent_ppb");
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
        save("regime_budget", REGIME_COLUMNS, state.regimes.values(), (r, fields) -> fields
                .text(r.regimeId).text(r.name).int8(r.capPpb).int8(r.poolPpb).int8(r.availablePpb)
                .int8(r.reservedPpb).int8(r.spentPpb).int8(r.lastSequence).text(r.lastHash)
                .timestamptz(r.openedAt).timestamptz(r.updatedAt),
                UPDATE_REGIME, (statement, r) -> {
                    statement.setLong(1, r.poolPpb);
                    statement.setLong(2, r.availablePpb);
                    statement.setLong(3, r.reservedPpb);
                    statement.setLong(4, r.spentPpb);
                    statement.setLong(5, r.lastSequence);
                    statement.setString(6, r.lastHash);
                    statement.setObject(7, utc(r.updatedAt));
                    statement.setString(8, r.regimeId);
                });
        save("company_account", COMPANY_COLUMNS, state.companies.values(), (c, fields) -> fields
                .text(c.regimeId).text(c.companyId).text(c.name).int8(c.allocatedPpb).int8(c.netTransferredPpb)
                .int8(c.availablePpb).int8(c.reservedPpb).int8(c.spentPpb).timestamptz(c.registeredAt)
                .timestamptz(c.updatedAt),
                UPDATE_COMPANY, (statement, c) -> {
                    statement.setLong(1, c.allocatedPpb);
                    statement.setLong(2, c.netTransferredPpb);
                    statement.setLong(3, c.availablePpb);
                    statement.setLong(4, c.reservedPpb);
                    statement.setLong(5, c.spentPpb);
                    statement.setObject(6, utc(c.updatedAt));
                    statement.setString(7, c.regimeId);
                    statement.setString(8, c.companyId);
                });
        save("safety_case", CASE_COLUMNS, state.cases.values(), (c, fields) -> fields
                .text(c.regimeId).text(c.caseId).text(c.companyId).text(c.systemName).text(c.systemVersion)
                .text(c.capabilityTier.name()).timestamptz(c.windowFrom).timestamptz(c.windowTo)
                .text(c.status.name()).int8(c.riskPpb).int8(c.chargedPpb).int8(c.reservedPpb)
                .textArray(flagNames(c)).textArray(c.dependsOn).timestamptz(c.submittedAt)
                .timestamptz(c.updatedAt),
                UPDATE_CASE, (statement, c) -> {
                    statement.setString(1, c.status.name());
                    statement.setLong(2, c.riskPpb);
                    statement.setLong(3, c.chargedPpb);
                    statement.setLong(4, c.reservedPpb);
                    statement.setArray(5, texts(statement, flagNames(c)));
                    statement.setObject(6, utc(c.updatedAt));
                    statement.setString(7, c.regimeId);
                    statement.setString(8, c.caseId);
                });
        save("transfer", TRANSFER_COLUMNS, state.transfers.values(), (t, fields) -> fields
                .text(t.regimeId).text(t.transferId).text(t.fromCompanyId).text(t.toCompanyId)
                .int8(t.amountPpb).text(t.status.name()).timestamptz(t.requestedAt).timestamptz(t.updatedAt),
                UPDATE_TRANSFER, (statement, t) -> {
                    statement.setString(1, t.status.name());
                    statement.setObject(2, utc(t.updatedAt));
                    statement.setString(3, t.regimeId);
                    statement.setString(4, t.transferId);
                });
        append("regime_history", HISTORY_COLUMNS, state.history, (h, fields) -> fields
                .text(h.regimeId().value()).int8(h.sequence()).timestamptz(h.occurredAt()).text(h.type())
                .text(h.hash()).int8(h.poolPpb()).int8(h.reservedPpb()).int8(h.spentPpb()));
        append("company_movement", MOVEMENT_COLUMNS, state.movements, (m, fields) -> fields
                .text(m.regimeId()).text(m.companyId()).int8(m.sequence()).int8(m.allocatedPpb())
                .int8(m.netTransferredPpb()).int8(m.availablePpb()).int8(m.reservedPpb()).int8(m.spentPpb()));
    }

    /**
     * Appends the rows the batch created and updates the stored ones it changed. An update that finds no row means
     * the read model lost a row under the batch: the batch fails rather than dropping the change.
     */
    private <T extends ReadModelRow> void save(String table, List<String> columns, Collection<T> rows,
            BinaryCopy.RowWriter<T> appendRow, String updateSql, RowSetter<T> update) {
        append(table, columns, rows.stream().filter(row -> !row.stored).toList(), appendRow);
        int[][] counts = batch(updateSql, rows.stream().filter(row -> row.stored && row.changed).toList(), update);
        if (Arrays.stream(counts).flatMapToInt(Arrays::stream).anyMatch(count -> count != 1)) {
            throw new IllegalStateException("a stored row of " + table + " was not found to update");
        }
    }

    /** Appends with COPY on the transaction's connection. */
    private <T> void append(String table, List<String> columns, Collection<T> rows, BinaryCopy.RowWriter<T> writer) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            BinaryCopy.append(connection, table, columns, rows, writer);
            return null;
        });
    }

    private static List<String> flagNames(CaseRow safetyCase) {
        return safetyCase.flags.stream().map(CaseFlag::name).toList();
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

    /** Update counts per JDBC batch, none when there are no rows. */
    private <T> int[][] batch(String sql, Collection<T> rows, RowSetter<T> setter) {
        return rows.isEmpty() ? new int[0][] : jdbc.batchUpdate(sql, rows, JDBC_BATCH_ROWS, setter::set);
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
        regime.stored = true;
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
        company.stored = true;
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
        safetyCase.stored = true;
        return safetyCase;
    }

    private static TransferRow transfer(ResultSet row) throws SQLException {
        TransferRow transfer = new TransferRow(row.getString("regime_id"), row.getString("transfer_id"),
                row.getString("from_company_id"), row.getString("to_company_id"), row.getLong("amount_ppb"),
                instant(row, "requested_at"), TransferStatus.valueOf(row.getString("status")));
        transfer.updatedAt = instant(row, "updated_at");
        transfer.stored = true;
        return transfer;
    }
}
