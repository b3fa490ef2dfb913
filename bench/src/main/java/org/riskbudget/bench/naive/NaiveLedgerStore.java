package org.riskbudget.bench.naive;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balances and movements in two tables. Every movement is one transaction: lock the balance rows it touches in a
 * fixed order (so two transfers in opposite directions cannot deadlock), check, update each row, insert the
 * movement. The movement's idempotency key is unique, so a retried request cannot move budget twice.
 */
@Repository
class NaiveLedgerStore {

    /** The regime's pool is a balance row like a company's, under a name no company id can take. */
    static final String POOL = "#pool";

    private final JdbcTemplate jdbc;

    NaiveLedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS naive_balance (
                    regime_id     VARCHAR(100) NOT NULL,
                    account_id    VARCHAR(100) NOT NULL,
                    available_ppb BIGINT       NOT NULL,
                    reserved_ppb  BIGINT       NOT NULL DEFAULT 0,
                    PRIMARY KEY (regime_id, account_id))""");
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS naive_movement (
                    id              BIGSERIAL    PRIMARY KEY,
                    regime_id       VARCHAR(100) NOT NULL,
                    kind            VARCHAR(20)  NOT NULL,
                    from_account    VARCHAR(100) NOT NULL,
                    to_account      VARCHAR(100) NOT NULL,
                    amount_ppb      BIGINT       NOT NULL,
                    reference       VARCHAR(200),
                    idempotency_key VARCHAR(200) UNIQUE,
                    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now())""");
    }

    @Transactional
    long openRegime(String regimeId, long capPpb, String idempotencyKey) {
        jdbc.update("INSERT INTO naive_balance (regime_id, account_id, available_ppb) VALUES (?, ?, ?)", regimeId,
                POOL, capPpb);
        return insertMovement(regimeId, "OPEN", POOL, POOL, capPpb, null, idempotencyKey);
    }

    @Transactional
    long registerCompany(String regimeId, String companyId, String idempotencyKey) {
        lock(regimeId, POOL); // the regime must exist
        jdbc.update("INSERT INTO naive_balance (regime_id, account_id, available_ppb) VALUES (?, ?, 0)", regimeId,
                companyId);
        return insertMovement(regimeId, "REGISTER", companyId, companyId, 0, null, idempotencyKey);
    }

    /** Available budget moves from one account to another (allocation: pool to company; transfer: company to company). */
    @Transactional
    long move(String regimeId, String kind, String fromAccount, String toAccount, long amountPpb, String reference,
            String idempotencyKey) {
        Map<String, Long> available = lockAll(regimeId, fromAccount, toAccount);
        if (!available.containsKey(fromAccount) || !available.containsKey(toAccount)) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "no such account in regime " + regimeId);
        }
        requireAvailable(available.get(fromAccount), amountPpb);
        jdbc.update("UPDATE naive_balance SET available_ppb = available_ppb - ? WHERE regime_id = ? AND account_id = ?",
                amountPpb, regimeId, fromAccount);
        jdbc.update("UPDATE naive_balance SET available_ppb = available_ppb + ? WHERE regime_id = ? AND account_id = ?",
                amountPpb, regimeId, toAccount);
        return insertMovement(regimeId, kind, fromAccount, toAccount, amountPpb, reference, idempotencyKey);
    }

    /** A case submission reserves its risk: available to reserved within one company's row. */
    @Transactional
    long reserve(String regimeId, String companyId, long amountPpb, String caseId, String idempotencyKey) {
        Long available = lock(regimeId, companyId);
        requireAvailable(available, amountPpb);
        jdbc.update("UPDATE naive_balance SET available_ppb = available_ppb - ?, reserved_ppb = reserved_ppb + ? "
                + "WHERE regime_id = ? AND account_id = ?", amountPpb, amountPpb, regimeId, companyId);
        return insertMovement(regimeId, "RESERVE", companyId, companyId, amountPpb, caseId, idempotencyKey);
    }

    private Long lock(String regimeId, String account) {
        List<Long> available = jdbc.queryForList("SELECT available_ppb FROM naive_balance WHERE regime_id = ? AND "
                + "account_id = ? FOR UPDATE", Long.class, regimeId, account);
        if (available.isEmpty()) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "no account " + account + " in regime " + regimeId);
        }
        return available.get(0);
    }

    /** Locks both rows in account order, whatever the direction of the movement; answers their available budget. */
    private Map<String, Long> lockAll(String regimeId, String first, String second) {
        Map<String, Long> available = new HashMap<>();
        jdbc.query("SELECT account_id, available_ppb FROM naive_balance WHERE regime_id = ? AND account_id IN (?, ?) "
                + "ORDER BY account_id FOR UPDATE", (ResultSet row) -> {
                    available.put(row.getString(1), row.getLong(2));
                }, regimeId, first, second);
        return available;
    }

    private long insertMovement(String regimeId, String kind, String from, String to, long amountPpb,
            String reference, String idempotencyKey) {
        return jdbc.queryForObject("""
                INSERT INTO naive_movement (regime_id, kind, from_account, to_account, amount_ppb, reference,
                    idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, regimeId, kind, from,
                to, amountPpb, reference, idempotencyKey);
    }

    private static void requireAvailable(long availablePpb, long amountPpb) {
        if (amountPpb > availablePpb) {
            throw new LedgerException(LedgerErrorCode.INSUFFICIENT_BUDGET, "cannot move " + amountPpb + " ppb: "
                    + availablePpb + " ppb available");
        }
    }
}
