package dev.switchboard.ingest;

/** Receives the records framed out of a body or file: each payload, or why one could not be taken. */
public interface FrameSink {
    void accept(String payload);

    void reject(long recordNumber, String why);
}
