package dev.switchboard.ingest;

/** A request body holding more records than one request may carry; nothing of it was ingested. */
public class TooManyRecordsException extends RuntimeException {
    private final long limit;

    public TooManyRecordsException(long limit) {
        super("the body holds more than " + limit + " records, the most one request may carry (setting max-records-per-request); "
                + "nothing was ingested: split the input into requests of at most " + limit + " records each "
                + "(NDJSON, CSV and queue_log lines can be split between lines; a CSV part repeats the header)");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
