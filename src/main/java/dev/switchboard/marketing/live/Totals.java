package dev.switchboard.marketing.live;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Calls and their seconds under one key of a live store; 16 bytes in the store (two big-endian longs). */
record Totals(long calls, long seconds) {
    static final Totals ZERO = new Totals(0, 0);

    Totals plus(long calls, long seconds) {
        return new Totals(this.calls + calls, this.seconds + seconds);
    }

    Totals plus(Totals other) {
        return plus(other.calls, other.seconds);
    }

    static final Serde<Totals> SERDE = new Serde<>() {
        @Override
        public Serializer<Totals> serializer() {
            return (topic, t) -> t == null ? null : ByteBuffer.allocate(16).putLong(t.calls).putLong(t.seconds).array();
        }

        @Override
        public Deserializer<Totals> deserializer() {
            return (topic, bytes) -> {
                if (bytes == null) return null;
                if (bytes.length != 16) throw new SerializationException("totals need 16 bytes, not " + bytes.length);
                ByteBuffer b = ByteBuffer.wrap(bytes);
                return new Totals(b.getLong(), b.getLong());
            };
        }
    };
}
