package org.riskbudget.ledger.regime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * What the regime must remember of a safety case to decide later commands about it. A regime may hold a great
 * many cases, so each is kept small, in memory and in a snapshot: plain text and numbers rather than value objects
 * (the window's end as seconds and nanoseconds, no dependents or flags until there are some, the company's id
 * shared by all its cases, the case's own id only as its key in the regime), one array rather than an object with
 * named fields. The assessments, the bulk of a case, stay in the log: the record keeps the sequences of the events
 * that recorded them, and the two commands that need them (acceptance and revision) read them from there
 * ({@link RecordedAssessments}). Reading a snapshot back costs time and memory per byte and per object, and a regime
 * with a long history holds a great many cases.
 */
final class SafetyCaseRecord {

    private String companyId;
    private CapabilityTier capabilityTier;
    private long windowEndSecond;
    private int windowEndNano;
    private CaseStatus status;
    /** The current estimate. */
    private long riskPpb;
    /** What the case has spent; never decreases. */
    private long chargedPpb;
    /** What it holds in its company's reserved account while under review. */
    private long reservedPpb;
    /** Null while there are none. */
    private List<String> dependents;
    /** Null while there are none. */
    private Set<CaseFlag> flags;
    /** The sequence of the event that submitted the case, with its assessments. */
    private long submittedAt;
    /** The sequences of the events that revised its assessments, in order; null while there are none. */
    private long[] revisedAt;

    SafetyCaseRecord() {}

    SafetyCaseRecord(CompanyId companyId, CapabilityTier capabilityTier, Instant windowEnd,
            long submittedAt, Ppb riskPpb) {
        shareCompanyId(companyId.value());
        this.capabilityTier = capabilityTier;
        this.windowEndSecond = windowEnd.getEpochSecond();
        this.windowEndNano = windowEnd.getNano();
        this.submittedAt = submittedAt;
        this.status = CaseStatus.SUBMITTED;
        this.riskPpb = riskPpb.value();
        this.reservedPpb = riskPpb.value();
    }

    CompanyId companyId() {
        return CompanyId.of(companyId);
    }

    CapabilityTier capabilityTier() {
        return capabilityTier;
    }

    Instant windowEnd() {
        return Instant.ofEpochSecond(windowEndSecond, windowEndNano);
    }

    long submittedAt() {
        return submittedAt;
    }

    long[] revisedAt() {
        return revisedAt == null ? new long[0] : revisedAt.clone();
    }

    CaseStatus status() {
        return status;
    }

    Ppb riskPpb() {
        return Ppb.of(riskPpb);
    }

    Ppb chargedPpb() {
        return Ppb.of(chargedPpb);
    }

    Ppb reservedPpb() {
        return Ppb.of(reservedPpb);
    }

    List<CaseId> dependents() {
        return dependents == null ? List.of() : dependents.stream().map(CaseId::of).toList();
    }

    Set<CaseFlag> flags() {
        return flags == null ? Set.of() : Collections.unmodifiableSet(flags);
    }

    void addDependent(CaseId dependent) {
        if (dependents == null) {
            dependents = new ArrayList<>(1);
        }
        dependents.add(dependent.value());
    }

    void accept() {
        status = CaseStatus.ACCEPTED;
        chargedPpb = chargedPpb().plus(reservedPpb()).value();
        reservedPpb = 0;
    }

    void release(CaseStatus newStatus) {
        status = newStatus;
        reservedPpb = 0;
    }

    void changeStatus(CaseStatus newStatus) {
        status = newStatus;
    }

    void revise(long sequence, Ppb newRiskPpb, Ppb additionalChargePpb) {
        revisedAt = append(revisedAt == null ? new long[0] : revisedAt, sequence);
        riskPpb = newRiskPpb.value();
        chargedPpb = chargedPpb().plus(additionalChargePpb).value();
    }

    void flag(CaseFlag flag) {
        if (flags == null) {
            flags = EnumSet.noneOf(CaseFlag.class);
        }
        flags.add(flag);
    }

    /** A regime has few companies and many cases: one string per company, whichever way the case was made. */
    private void shareCompanyId(String id) {
        companyId = id.intern();
    }

    /**
     * A regime's cases in a snapshot: an array with one array per case, its id and then its fields in the order
     * below, written and read token by token. Jackson's general machinery for a map of beans cost several times as
     * much per case (each id a property name to look up, each field through reflection), most of a large regime's
     * load.
     */
    static final class SnapshotWriter extends ValueSerializer<Map<String, SafetyCaseRecord>> {

        @Override
        public void serialize(Map<String, SafetyCaseRecord> cases, JsonGenerator json, SerializationContext context) {
            json.writeStartArray();
            for (Map.Entry<String, SafetyCaseRecord> safetyCase : cases.entrySet()) {
                json.writeStartArray();
                json.writeString(safetyCase.getKey());
                write(safetyCase.getValue(), json);
                json.writeEndArray();
            }
            json.writeEndArray();
        }

        private static void write(SafetyCaseRecord record, JsonGenerator json) {
            json.writeString(record.companyId);
            json.writeString(record.capabilityTier.name());
            json.writeNumber(record.windowEndSecond);
            json.writeNumber(record.windowEndNano);
            json.writeString(record.status.name());
            json.writeNumber(record.riskPpb);
            json.writeNumber(record.chargedPpb);
            json.writeNumber(record.reservedPpb);
            if (record.dependents == null) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (String dependent : record.dependents) {
                    json.writeString(dependent);
                }
                json.writeEndArray();
            }
            if (record.flags == null) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (CaseFlag flag : record.flags) {
                    json.writeString(flag.name());
                }
                json.writeEndArray();
            }
            json.writeNumber(record.submittedAt);
            if (record.revisedAt == null) {
                json.writeNull();
            } else {
                json.writeArray(record.revisedAt, 0, record.revisedAt.length);
            }
        }
    }

    /** Reads what {@link SnapshotWriter} wrote; anything else is a failure, and Axon then loads from the events. */
    static final class SnapshotReader extends ValueDeserializer<Map<String, SafetyCaseRecord>> {

        @Override
        public Map<String, SafetyCaseRecord> deserialize(JsonParser json, DeserializationContext context) {
            require(json, json.currentToken() == JsonToken.START_ARRAY);
            Map<String, SafetyCaseRecord> cases = new HashMap<>();
            while (json.nextToken() == JsonToken.START_ARRAY) {
                String caseId = text(json);
                cases.put(caseId, read(json));
            }
            require(json, json.currentToken() == JsonToken.END_ARRAY);
            return cases;
        }

        /** The fields after the case's id, and the end of its array. */
        private static SafetyCaseRecord read(JsonParser json) {
            SafetyCaseRecord record = new SafetyCaseRecord();
            record.shareCompanyId(text(json));
            record.capabilityTier = CapabilityTier.valueOf(text(json));
            record.windowEndSecond = number(json);
            record.windowEndNano = Math.toIntExact(number(json));
            record.status = CaseStatus.valueOf(text(json));
            record.riskPpb = number(json);
            record.chargedPpb = number(json);
            record.reservedPpb = number(json);
            if (!nextIsNull(json)) {
                record.dependents = new ArrayList<>(1);
                for (String dependent = json.nextStringValue(); dependent != null; dependent = json.nextStringValue()) {
                    record.dependents.add(dependent);
                }
                require(json, json.currentToken() == JsonToken.END_ARRAY);
            }
            if (!nextIsNull(json)) {
                record.flags = EnumSet.noneOf(CaseFlag.class);
                for (String flag = json.nextStringValue(); flag != null; flag = json.nextStringValue()) {
                    record.flags.add(CaseFlag.valueOf(flag));
                }
                require(json, json.currentToken() == JsonToken.END_ARRAY);
            }
            record.submittedAt = number(json);
            if (!nextIsNull(json)) {
                long[] sequences = new long[0];
                while (json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                    sequences = append(sequences, json.getLongValue());
                }
                require(json, json.currentToken() == JsonToken.END_ARRAY);
                record.revisedAt = sequences;
            }
            require(json, json.nextToken() == JsonToken.END_ARRAY);
            return record;
        }

        private static String text(JsonParser json) {
            String text = json.nextStringValue();
            require(json, text != null);
            return text;
        }

        private static long number(JsonParser json) {
            require(json, json.nextToken() == JsonToken.VALUE_NUMBER_INT);
            return json.getLongValue();
        }

        /** Moves to the next value: null, or the start of an array. */
        private static boolean nextIsNull(JsonParser json) {
            JsonToken next = json.nextToken();
            require(json, next == JsonToken.VALUE_NULL || next == JsonToken.START_ARRAY);
            return next == JsonToken.VALUE_NULL;
        }

        private static void require(JsonParser json, boolean expected) {
            if (!expected) {
                throw new StreamReadException(json, "not a safety case as a snapshot writes one: "
                        + json.currentToken() + " at " + json.currentLocation());
            }
        }
    }

    private static long[] append(long[] sequences, long sequence) {
        long[] longer = Arrays.copyOf(sequences, sequences.length + 1);
        longer[sequences.length] = sequence;
        return longer;
    }
}
