package org.riskbudget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event store is what the design says: Axon's JDBC engine on PostgreSQL, transactional, schema by Flyway. */
class StorageWiringTest extends LedgerServiceTest {

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private TransactionManager axonTransactions;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void eventsAreStoredByAxonsJdbcEngineAsJackson() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void everyCommandRunsInASpringTransaction() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    /**
     * The batcher runs each command of a batch in a nested unit of work on a savepoint of the batch's transaction.
     * A refused command that happened to be the batch's first to read the event store must roll back to its
     * savepoint only: Axon's default connection provider rolled the whole connection back instead, undoing the
     * earlier commands' writes while the batch went on to commit their events and acknowledge them.
     */
    @Test
    void aRolledBackNestedUnitOfWorkUndoesOnlyItsOwnWritesEvenWhenItFirstReadTheEventStore() {
        String regimeId = regimeWithCompanies(1, "frontier-a");
        String earlier = "storage-earlier-" + regimeId;
        String refused = "storage-refused-" + regimeId;
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(axonTransactions);

        nested(() -> claim(earlier)).commit();
        UnitOfWork<?> refusal = nested(() -> {
            claim(refused);
            eventStore.readEvents(regimeId).asStream().count();
        });
        refusal.rollback(new IllegalStateException("refused"));
        batch.commit();

        assertThat(jdbc.sql("SELECT idempotency_key FROM idempotency_record WHERE idempotency_key IN (?, ?)")
                .params(earlier, refused).query(String.class).list()).containsExactly(earlier);
    }

    private UnitOfWork<?> nested(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(axonTransactions);
        work.run();
        return unitOfWork;
    }

    private void claim(String key) {
        jdbc.sql("INSERT INTO idempotency_record (principal, idempotency_key, request_hash) VALUES ('test', ?, 'h')")
                .param(key).update();
    }

    @Test
    void flywayCreatedTheSchema() {
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void snapshotsAreStoredAsTheLedgerCompressedThemWithoutPostgresCompressingThemAgain() {
        assertThat(jdbc.sql("""
                        SELECT attstorage FROM pg_attribute
                        WHERE attrelid = 'snapshotevententry'::regclass AND attname = 'payload'""")
                .query(String.class).single()).isEqualTo("e");
    }

    @Test
    void everyIndexComparesItsTextKeysBytewise() {
        assertThat(jdbc.sql("""
                        SELECT DISTINCT i.indexrelid::regclass::text FROM pg_index i
                            JOIN pg_class t ON t.oid = i.indrelid
                            CROSS JOIN LATERAL unnest(i.indcollation::oid[]) AS k(collation_oid)
                        WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'flyway_schema_history'
                            AND k.collation_oid NOT IN (0, 'pg_catalog."C"'::regcollation)""")
                .query(String.class).list()).isEmpty();
    }

    @Test
    void payloadsAreByteaNotLargeObjects() {
        assertThat(jdbc.sql("""
                        SELECT data_type FROM information_schema.columns
                        WHERE table_name IN ('domainevententry', 'snapshotevententry', 'tokenentry')
                          AND column_name IN ('payload', 'metadata', 'token')""")
                .query(String.class).list()).isNotEmpty().containsOnly("bytea");
    }

    @Test
    void theGlobalIndexHasItsOwnSequenceWithoutPreallocatedGaps() {
        assertThat(jdbc.sql("SELECT increment_by FROM pg_sequences WHERE sequencename = 'domainevententry_globalindex_seq'")
                .query(Long.class).single()).isEqualTo(1L);
    }
}
