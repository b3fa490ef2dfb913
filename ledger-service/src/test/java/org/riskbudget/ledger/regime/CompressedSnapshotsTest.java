package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CapabilityTier;

/** Snapshots are written compressed, read back whole, and those written plain before still read. */
class CompressedSnapshotsTest {

    private final Jackson3Serializer json = Jackson3Serializer.builder()
            .revisionResolver(new AnnotationRevisionResolver()).jsonMapperBuilderCustomizer(LedgerJson::configure)
            .build();
    private final CompressedSnapshots snapshots = new CompressedSnapshots(json);
    private final Serializer serializer = snapshots.serializer();

    @Test
    void aSnapshotIsStoredCompressedAndReadsBackWhole() {
        SerializedObject<byte[]> plain = snapshots.json(regimeOfManyCases());

        SerializedObject<byte[]> stored = snapshots.compress(plain);
        Regime readBack = serializer.deserialize(stored);

        assertThat(stored.getData()).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(stored.getData().length).isLessThan(plain.getData().length / 4);
        assertThat(stored.getType()).isEqualTo(plain.getType());
        assertThat(stored.getType().getRevision()).isEqualTo(Regime.SNAPSHOT_FORMAT);
        assertThat(json.serialize(readBack, byte[].class).getData()).isEqualTo(plain.getData());
    }

    @Test
    void aSnapshotStoredAsPlainJsonStillReadsBack() {
        SerializedObject<byte[]> plain = snapshots.json(regimeOfManyCases());

        Regime readBack = serializer.deserialize(plain);

        assertThat(json.serialize(readBack, byte[].class).getData()).isEqualTo(plain.getData());
    }

    /** A regime as a snapshot reads it: Jackson sets its fields, here the cases of one company. */
    private Regime regimeOfManyCases() {
        StringBuilder cases = new StringBuilder();
        for (int number = 1; number <= 200; number++) {
            SafetyCaseRecord record = new SafetyCaseRecord(CompanyId.of("frontier-a"), CapabilityTier.AI_3X,
                    Instant.parse("2027-06-01T00:00:00Z"), number, Ppb.of(number));
            cases.append(cases.length() == 0 ? "" : ",").append("\"c-").append(number).append("\":")
                    .append(LedgerJson.mapper().writeValueAsString(record));
        }
        return LedgerJson.mapper().readValue("{\"id\":\"r-1\",\"lastSequence\":200,\"cases\":{" + cases + "},"
                + "\"completedTransferIds\":\"t-1 t-2 \"}", Regime.class);
    }
}
