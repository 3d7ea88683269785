package dev.switchboard.ingest;

import dev.switchboard.callcenter.CallFormat;
import dev.switchboard.callcenter.CallTopics;
import dev.switchboard.callcenter.asterisk.QueueLogItem;
import dev.switchboard.callcenter.asterisk.QueueLogReader;
import dev.switchboard.platform.Json;
import dev.switchboard.cdr.CdrFormat;
import dev.switchboard.cdr.CdrTopics;
import dev.switchboard.contact.ContactTopics;
import dev.switchboard.ivr.IvrMediator;
import dev.switchboard.ivr.IvrTopics;
import dev.switchboard.mediation.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The edge: frames a body or a file into records of a kind and produces them to the kind's raw
 * topic, stamped with the source and the time received. Judging each record is mediation's work.
 */
public final class IngestService {
    private static final int KEPT_REJECTIONS = 20;
    private final RawProducer producer;
    private final Framing framing;
    private final Clock clock;

    public IngestService(RawProducer producer, int maxRecordBytes, Clock clock) {
        this.producer = producer;
        this.framing = new Framing(maxRecordBytes);
        this.clock = clock;
    }

    /** Kinds this build ingests. */
    public static List<String> kinds() {
        return List.of(CdrTopics.KIND, CallTopics.KIND, ContactTopics.KIND, IvrTopics.KIND);
    }

    private static String rawTopic(String kind) {
        if (kind.equals(ContactTopics.KIND)) return ContactTopics.RAW.name();
        if (kind.equals(IvrTopics.KIND)) return IvrTopics.RAW.name();
        return kind.equals(CallTopics.KIND) ? CallTopics.RAW.name() : CdrTopics.RAW.name();
    }

    /**
     * Picks the wire format from an explicit {@code format} or else the content type.
     *
     * @throws UnsupportedFormatException when the kind or the format is unknown
     */
    public static String formatFor(String kind, String format, String contentType) {
        if (!kinds().contains(kind))
            throw new UnknownKindException("unknown kind '" + kind + "' (this build ingests: " + String.join(", ", kinds()) + ")");
        if (kind.equals(ContactTopics.KIND)) return onlyJsonFormat(kind, ContactTopics.FORMAT, "contact records", format, contentType);
        if (kind.equals(IvrTopics.KIND)) return onlyJsonFormat(kind, IvrMediator.FORMAT, "IVR sessions", format, contentType);
        boolean call = kind.equals(CallTopics.KIND);
        if (format != null && !format.isBlank()) {
            if (call ? CallFormat.byName(format).isEmpty() : CdrFormat.byName(format).isEmpty())
                throw new UnsupportedFormatException("unknown format '" + format + "' for kind " + kind
                        + (call ? " (use call-json or asterisk-queue-log)" : " (use cdr-json, cdr-csv or asterisk-cdr)"));
            return format;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (call) {
            if (type.contains("json")) return CallFormat.CALL_JSON.wireName();
            if (type.startsWith("text/plain")) return CallFormat.ASTERISK_QUEUE_LOG.wireName();
            throw new UnsupportedFormatException("unsupported Content-Type '" + contentType
                    + "' for calls (use application/json or application/x-ndjson for call-json, text/plain for an Asterisk queue_log)");
        }
        if (type.contains("csv")) return CdrFormat.CDR_CSV.wireName();
        if (type.contains("json")) return CdrFormat.CDR_JSON.wireName();
        throw new UnsupportedFormatException("unsupported Content-Type '" + contentType
                + "' (use application/json, application/x-ndjson or text/csv)");
    }

    /**
     * Kinds with one JSON format (contact records: ctr-json; IVR sessions: ivr-json), sent as a JSON document,
     * NDJSON or concatenated objects: the format named, or the one format for a JSON content type.
     */
    private static String onlyJsonFormat(String kind, String only, String what, String format, String contentType) {
        if (format != null && !format.isBlank()) {
            if (!format.equals(only)) throw new UnsupportedFormatException("unknown format '" + format + "' for kind " + kind + " (use " + only + ")");
            return format;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) return only;
        throw new UnsupportedFormatException("unsupported Content-Type '" + contentType + "' for " + what + " (use application/json or application/x-ndjson)");
    }

    /** HTTP bodies: a JSON document for {@code application/json}, lines for NDJSON, CSV by header. */
    public Receipt ingestBody(String kind, String format, String contentType, String source, InputStream body) throws IOException {
        return ingestBody(kind, format, contentType, source, body, Long.MAX_VALUE);
    }

    /**
     * A body of at most {@code maxRecords} records (accepted or rejected), all or nothing: its records
     * are held until the body ends and produced only then, so a body over the limit fails with
     * {@link TooManyRecordsException} as soon as the record after the limit is read, with nothing produced.
     */
    public Receipt ingestBody(String kind, String format, String contentType, String source, InputStream body, long maxRecords) throws IOException {
        boolean jsonDocument = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
        return ingest(kind, format, source, body, jsonDocument, true, maxRecords);
    }

    /** Files: NDJSON or a JSON array for cdr-json, CSV with optional header for cdr-csv, Master.csv lines for asterisk-cdr. */
    public Receipt ingestFile(String kind, String format, String source, InputStream file) throws IOException {
        return ingest(kind, format, source, file, false, false, Long.MAX_VALUE);
    }

    /** One record from inside the process (the live generators). */
    public void publish(String source, String format, String payload) {
        publish(CdrTopics.KIND, source, format, payload);
    }

    /** One record of a kind from inside the process (the live generators). */
    public void publish(String kind, String source, String format, String payload) {
        // Contact records of one source keep their order (one partition), as in a file: a later version stays later.
        producer.send(rawTopic(kind), kind.equals(ContactTopics.KIND) ? source : null, new RawRecord(source, format, clock.instant(), payload));
    }

    /**
     * @param wholeBody hold the records until the whole input is framed, so that an input refused part-way (a body
     *                  too large or with too many records, a JSON array broken after some records) publishes nothing,
     *                  as its 4xx answer says; for HTTP bodies, which max-body-bytes bounds. Files stream, record by record.
     */
    private Receipt ingest(String kind, String format, String source, InputStream in, boolean jsonDocument, boolean wholeBody, long maxRecords)
            throws IOException {
        String topic = rawTopic(kind);
        // Contact records of one body or file keep its order (one partition): a late older version stays late.
        String key = kind.equals(ContactTopics.KIND) ? source : null;
        List<String> rejections = new ArrayList<>();
        long[] counts = new long[2];
        Outbox outbox = new Outbox(maxRecords, wholeBody);
        FrameSink sink = new FrameSink() {
            @Override
            public void accept(String payload) {
                outbox.send(topic, key, new RawRecord(source, format, clock.instant(), payload));
                counts[0]++;
            }

            @Override
            public void reject(long recordNumber, String why) {
                outbox.count();
                counts[1]++;
                if (rejections.size() < KEPT_REJECTIONS) rejections.add("record " + recordNumber + ": " + why);
            }
        };
        if (kind.equals(ContactTopics.KIND)) {
            // One per line, pretty-printed, concatenated (as Firehose writes them) or an array, whatever the content type.
            framing.jsonObjects(in, sink);
            outbox.flush();
            return new Receipt(source, counts[0], counts[1], rejections);
        }
        if (kind.equals(IvrTopics.KIND)) {
            // NDJSON, or sessions pretty-printed (one object over many lines): then framed by braces.
            if (jsonDocument) framing.jsonDocument(in, sink);
            else framing.jsonLinesOrObjects(in, sink);
            outbox.flush();
            return new Receipt(source, counts[0], counts[1], rejections);
        }
        if (kind.equals(CallTopics.KIND)) {
            frameCalls(CallFormat.byName(format).orElseThrow(), in, jsonDocument, sink, (f, payload) -> {
                outbox.send(topic, null, new RawRecord(source, f, clock.instant(), payload));
                counts[0]++;
            });
            outbox.flush();
            return new Receipt(source, counts[0], counts[1], rejections);
        }
        CdrFormat cdrFormat = CdrFormat.byName(format).orElseThrow();
        switch (cdrFormat) {
            case CDR_JSON -> {
                if (jsonDocument) framing.jsonDocument(in, sink);
                else framing.json(in, sink);
            }
            case CDR_CSV -> framing.cdrCsv(in, sink);
            case ASTERISK_CDR -> framing.lines(in, sink);
        }
        outbox.flush();
        return new Receipt(source, counts[0], counts[1], rejections);
    }

    private record Held(String topic, String key, RawRecord record) {}

    /**
     * Where one input's records go: straight to the raw topic as they come (files, streamed whatever their
     * size), or held until the input ends (HTTP bodies), so a body refused part-way, or over its record
     * limit, sends nothing.
     */
    private final class Outbox {
        private final long maxRecords;
        private final boolean hold;
        private final List<Held> held = new ArrayList<>();
        private long records;

        Outbox(long maxRecords, boolean hold) {
            this.maxRecords = maxRecords;
            this.hold = hold;
        }

        void send(String topic, String key, RawRecord record) {
            count();
            if (hold) held.add(new Held(topic, key, record));
            else producer.send(topic, key, record);
        }

        void count() {
            if (++records > maxRecords) throw new TooManyRecordsException(maxRecords);
        }

        void flush() {
            for (Held h : held) producer.send(h.topic(), h.key(), h.record());
            held.clear();
            producer.flush();
        }
    }

    /**
     * A queue_log is read whole, in order, because its lines make sense only together: each call event
     * it yields is published as call-json, each line it cannot use as the raw line (mediation rejects
     * it onto {@code call.error}, so nothing is lost).
     */
    private void frameCalls(CallFormat format, InputStream in, boolean jsonDocument, FrameSink sink,
                            java.util.function.BiConsumer<String, String> publish) throws IOException {
        switch (format) {
            case CALL_JSON -> {
                if (jsonDocument) framing.jsonDocument(in, sink);
                else framing.json(in, sink);
            }
            case ASTERISK_QUEUE_LOG -> QueueLogReader.read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), item -> {
                if (item instanceof QueueLogItem.Event e) publish.accept(CallFormat.CALL_JSON.wireName(), Json.write(e.event()));
                else publish.accept(CallFormat.ASTERISK_QUEUE_LOG.wireName(), ((QueueLogItem.Unusable) item).line());
            });
        }
    }
}
