package org.riskbudget.ledger.regime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * How the event store keeps snapshots: the regime's JSON, gzip-compressed ({@link #serializer()}). A large regime's snapshot is
 * megabytes of JSON that repeats itself (every case the same fields in the same order), and reading it from the
 * store was the largest part of loading the regime; compressed it is several times smaller, and inflating it costs
 * less than fetching the difference. Snapshots stored as plain JSON still read back.
 */
final class CompressedSnapshots {

    private static final int GZIP_FIRST_BYTE = 0x1f;
    private static final int GZIP_SECOND_BYTE = 0x8b;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Jackson3Serializer json;
    private final Serializer serializer = new GzippedJson();

    CompressedSnapshots(Jackson3Serializer json) {
        this.json = json;
    }

    /**
     * The storage engine's serializer of snapshots. Not a bean of its own: Axon's auto-configuration finds its
     * serializers by type, and a second one would be ambiguous.
     */
    Serializer serializer() {
        return serializer;
    }

    /** The JSON the regime's serializer wrote, compressed; done apart from serialising, on the storing thread. */
    SerializedObject<byte[]> compress(SerializedObject<byte[]> written) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(written.getData().length / 4 + BUFFER_BYTES);
        try (GZIPOutputStream out = new FastestGzip(compressed)) {
            out.write(written.getData());
        } catch (IOException impossible) {
            throw new UncheckedIOException("cannot compress in memory", impossible);
        }
        return new SimpleSerializedObject<>(compressed.toByteArray(), byte[].class, written.getType());
    }

    /** The regime's JSON, as the serializer of the storage engine hands it over, before compression. */
    SerializedObject<byte[]> json(Object value) {
        return json.serialize(value, byte[].class);
    }

    /** Writes snapshots compressed; reads them compressed or, as written before, plain. */
    private final class GzippedJson implements Serializer {

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return getConverter().convert(compress(json(object)), expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serialized) {
            byte[] bytes = getConverter().convert(serialized, byte[].class).getData();
            if (bytes.length < 2 || (bytes[0] & 0xff) != GZIP_FIRST_BYTE || (bytes[1] & 0xff) != GZIP_SECOND_BYTE) {
                return json.deserialize(serialized);
            }
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), BUFFER_BYTES)) {
                return json.getObjectMapper().readerFor(classForType(serialized.getType())).readValue(in);
            } catch (IOException corrupt) {
                throw new UncheckedIOException("snapshot " + serialized.getType() + " cannot be inflated", corrupt);
            }
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return json.canSerializeTo(expectedRepresentation);
        }

        @Override
        public Class<?> classForType(SerializedType type) {
            return json.classForType(type);
        }

        /** Axon's interface declares the raw type, so an override must too. */
        @Override
        @SuppressWarnings("rawtypes")
        public SerializedType typeForClass(Class type) {
            return json.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return json.getConverter();
        }
    }

    /** Speed over size: the largest gain is in the first few percent of effort. */
    private static final class FastestGzip extends GZIPOutputStream {

        FastestGzip(ByteArrayOutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
