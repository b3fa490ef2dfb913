package org.riskbudget.ledger.regime;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.json.LedgerJson;

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

    /** A regime as a snapshot holds it: here the cases of one company, each its id and then its fields. */
    private Regime regimeOfManyCases() {
        StringBuilder cases = new StringBuilder();
        for (int number = 1; number <= 200; number++) {
            cases.append(cases.length() == 0 ? "" : ",").append("[\"c-").append(number)
                    .append("\",\"frontier-a\",\"AI_3X\",1811808000,0,\"SUBMITTED\",").append(number).append(",0,")
                    .append(number).append(",null,null,").append(number).append(",null]");
        }
        return LedgerJson.mapper().readValue("{\"id\":\"r-1\",\"lastSequence\":200,\"cases\":[" + cases + "],"
                + "\"completedTransferIds\":\"t-1 t-2 \"}", Regime.class);
    }
}
