package dev.switchboard.marketing.live;

import dev.switchboard.marketing.BusinessType;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One caller's calls of one local date (or of a range, once merged): calls and seconds per business
 * type called (code 0: a private number, else the type's ordinal + 1), and calls per weekly slot in the
 * caller's zone (slot = (ISO weekday − 1) × 24 + hour, 0..167). Mutable and small: a person calls a few
 * types and slots a day. In the store it is a few varints: {@code nTypes (code calls seconds)* nSlots (slot calls)*}.
 */
final class PersonDay {
    static final int PRIVATE = 0;
    private static final BusinessType[] TYPES = BusinessType.values();

    private int types;
    private byte[] typeCodes = new byte[2];
    private long[] typeCalls = new long[2], typeSeconds = new long[2];
    private int slots;
    private byte[] slotCodes = new byte[2];
    private long[] slotCalls = new long[2];

    /** The code of a type (null: a private number). Codes are ordinals + 1: add new types at the end of the enum. */
    static int code(BusinessType type) {
        return type == null ? PRIVATE : type.ordinal() + 1;
    }

    /** The type of a code, null for {@link #PRIVATE}. */
    static BusinessType type(int code) {
        return code == PRIVATE ? null : TYPES[code - 1];
    }

    void addType(int code, long calls, long seconds) {
        for (int i = 0; i < types; i++)
            if ((typeCodes[i] & 0xFF) == code) {
                typeCalls[i] += calls;
                typeSeconds[i] += seconds;
                return;
            }
        if (types == typeCodes.length) {
            typeCodes = Arrays.copyOf(typeCodes, types * 2);
            typeCalls = Arrays.copyOf(typeCalls, types * 2);
            typeSeconds = Arrays.copyOf(typeSeconds, types * 2);
        }
        typeCodes[types] = (byte) code;
        typeCalls[types] = calls;
        typeSeconds[types++] = seconds;
    }

    void addSlot(int slot, long calls) {
        for (int i = 0; i < slots; i++)
            if ((slotCodes[i] & 0xFF) == slot) {
                slotCalls[i] += calls;
                return;
            }
        if (slots == slotCodes.length) {
            slotCodes = Arrays.copyOf(slotCodes, slots * 2);
            slotCalls = Arrays.copyOf(slotCalls, slots * 2);
        }
        slotCodes[slots] = (byte) slot;
        slotCalls[slots++] = calls;
    }

    /** Adds another day's counts (merging the dates of a range). */
    void merge(PersonDay other) {
        for (int i = 0; i < other.types; i++) addType(other.typeCodes[i] & 0xFF, other.typeCalls[i], other.typeSeconds[i]);
        for (int i = 0; i < other.slots; i++) addSlot(other.slotCodes[i] & 0xFF, other.slotCalls[i]);
    }

    int types() {
        return types;
    }

    int typeCode(int i) {
        return typeCodes[i] & 0xFF;
    }

    long typeCalls(int i) {
        return typeCalls[i];
    }

    long typeSeconds(int i) {
        return typeSeconds[i];
    }

    int slots() {
        return slots;
    }

    int slot(int i) {
        return slotCodes[i] & 0xFF;
    }

    long slotCalls(int i) {
        return slotCalls[i];
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 6 * (types + slots));
        varint(out, types);
        for (int i = 0; i < types; i++) {
            out.write(typeCodes[i]);
            varint(out, typeCalls[i]);
            varint(out, typeSeconds[i]);
        }
        varint(out, slots);
        for (int i = 0; i < slots; i++) {
            out.write(slotCodes[i]);
            varint(out, slotCalls[i]);
        }
        return out.toByteArray();
    }

    static PersonDay of(byte[] bytes) {
        int[] at = {0};
        PersonDay p = new PersonDay();
        try {
            for (long n = varint(bytes, at); n > 0; n--) {
                int code = bytes[at[0]++] & 0xFF;
                p.addType(code, varint(bytes, at), varint(bytes, at));
            }
            for (long n = varint(bytes, at); n > 0; n--) {
                int slot = bytes[at[0]++] & 0xFF;
                p.addSlot(slot, varint(bytes, at));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new SerializationException("a person's day is cut short after " + bytes.length + " bytes");
        }
        return p;
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[at[0]++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) return v;
        }
    }

    static final Serde<PersonDay> SERDE = new Serde<>() {
        @Override
        public Serializer<PersonDay> serializer() {
            return (topic, p) -> p == null ? null : p.toBytes();
        }

        @Override
        public Deserializer<PersonDay> deserializer() {
            return (topic, bytes) -> bytes == null ? null : of(bytes);
        }
    };
}
