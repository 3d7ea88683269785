package dev.switchboard.mediation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How a {@link RawRecord} travels on a raw topic: the payload bytes exactly as received as the value,
 * source and format as headers, the time received as the record timestamp. A record that some other
 * producer wrote straight to the topic (no headers) is read as source {@code kafka} in the topic's
 * default format, so plain JSON CDRs can be fed to {@code cdr.raw} by any Kafka client.
 */
public final class RawRecords {
    public static final String SOURCE_HEADER = "sb-source";
    public static final String FORMAT_HEADER = "sb-format";
    public static final String FOREIGN_SOURCE = "kafka";

    private RawRecords() {}

    public static ProducerRecord<String, byte[]> toKafka(String topic, RawRecord raw) {
        return toKafka(topic, null, raw);
    }

    /** With a key: records of one key keep their order (one partition); null lets the producer spread them. */
    public static ProducerRecord<String, byte[]> toKafka(String topic, String key, RawRecord raw) {
        Headers headers = new RecordHeaders()
                .add(SOURCE_HEADER, raw.source().getBytes(StandardCharsets.UTF_8))
                .add(FORMAT_HEADER, raw.format().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, raw.receivedAt().toEpochMilli(), key,
                raw.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    public static RawRecord fromKafka(Headers headers, byte[] value, long timestamp, String defaultFormat) {
        String source = text(headers.lastHeader(SOURCE_HEADER), FOREIGN_SOURCE);
        String format = text(headers.lastHeader(FORMAT_HEADER), defaultFormat);
        String payload = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return new RawRecord(source, format, Instant.ofEpochMilli(Math.max(0, timestamp)), payload);
    }

    private static String text(Header header, String otherwise) {
        return header == null || header.value() == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
    }
}
