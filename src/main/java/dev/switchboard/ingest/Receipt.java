package dev.switchboard.ingest;

import java.util.List;

/** What the edge did with a body or file: records accepted into the pipeline, and records it refused (with the first reasons). */
public record Receipt(String source, long accepted, long rejected, List<String> rejections) {
    public Receipt {
        rejections = List.copyOf(rejections);
    }
}
