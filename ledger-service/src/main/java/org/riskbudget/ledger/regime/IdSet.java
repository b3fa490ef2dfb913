package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of identifiers (letters, digits, {@code . _ -}, as every id in the public language is) kept as one text
 * of the ids, each followed by a space, and a hash table of where each starts. A regime remembers every settled
 * transfer's id, hundreds of thousands in a long history: as a set of strings they were three objects each, which
 * made the regime's memory, its snapshot and the time to read one back grow with them. Here they are two arrays,
 * and a snapshot holds them as one string.
 * <p>
 * The table is built when the set is first asked, not when a snapshot is read: most commands on a regime never
 * look at transfer ids, and a load should not wait for them.
 */
final class IdSet {

    private static final byte SEPARATOR = ' ';
    private static final int FREE = 0;

    /** The ids, each followed by {@link #SEPARATOR}. */
    private byte[] text;
    private int length;
    /**
     * One more than the offset in {@link #text} of an id's first byte, or {@link #FREE}; at most half in use. Null
     * until first needed.
     */
    private int[] slots;
    private int size;

    IdSet() {
        this(new byte[64], 0);
    }

    private IdSet(byte[] text, int length) {
        this.text = text;
        this.length = length;
    }

    /** The set a snapshot holds as {@link #text()}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IdSet ofText(String ids) {
        byte[] bytes = ids.getBytes(StandardCharsets.ISO_8859_1);
        return new IdSet(bytes, bytes.length);
    }

    @JsonValue
    String text() {
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }

    int size() {
        index();
        return size;
    }

    boolean contains(String id) {
        index();
        return slots[slotOf(id, hash(id))] != FREE;
    }

    /** Adds the id unless present; {@code false} when it was. */
    boolean add(String id) {
        index();
        int hash = hash(id);
        if (slots[slotOf(id, hash)] != FREE) {
            return false;
        }
        if (length + id.length() + 1 > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, length + id.length() + 1));
        }
        int start = length;
        for (int i = 0; i < id.length(); i++) {
            text[length++] = (byte) id.charAt(i);
        }
        text[length++] = SEPARATOR;
        insert(start, hash);
        return true;
    }

    /** Builds the table in one pass over the text, sized for the ids it holds. */
    private void index() {
        if (slots != null) {
            return;
        }
        int count = 0;
        for (int i = 0; i < length; i++) {
            count += text[i] == SEPARATOR ? 1 : 0;
        }
        int capacity = 16;
        while (capacity < 2 * count + 2) {
            capacity *= 2;
        }
        slots = new int[capacity];
        int start = 0;
        int hash = 0;
        for (int i = 0; i < length; i++) {
            if (text[i] == SEPARATOR) {
                insert(start, spread(hash));
                start = i + 1;
                hash = 0;
            } else {
                hash = 31 * hash + text[i];
            }
        }
    }

    private void insert(int start, int hash) {
        if (2 * (size + 1) > slots.length) {
            rehash();
        }
        int slot = hash & (slots.length - 1);
        while (slots[slot] != FREE) {
            slot = (slot + 1) & (slots.length - 1);
        }
        slots[slot] = start + 1;
        size++;
    }

    private void rehash() {
        int[] old = slots;
        slots = new int[old.length * 2];
        for (int entry : old) {
            if (entry != FREE) {
                int slot = hash(entry - 1) & (slots.length - 1);
                while (slots[slot] != FREE) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = entry;
            }
        }
    }

    /** The slot holding the id, or the free slot where it would go. */
    private int slotOf(String id, int hash) {
        int slot = hash & (slots.length - 1);
        while (slots[slot] != FREE && !matches(slots[slot] - 1, id)) {
            slot = (slot + 1) & (slots.length - 1);
        }
        return slot;
    }

    private boolean matches(int start, String id) {
        if (start + id.length() >= length || text[start + id.length()] != SEPARATOR) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (text[start + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(String id) {
        int hash = 0;
        for (int i = 0; i < id.length(); i++) {
            hash = 31 * hash + id.charAt(i);
        }
        return spread(hash);
    }

    private int hash(int start) {
        int hash = 0;
        for (int i = start; text[i] != SEPARATOR; i++) {
            hash = 31 * hash + text[i];
        }
        return spread(hash);
    }

    /** Consecutive ids differ in their last characters only; multiplying spreads that into the high bits. */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}
