package dev.switchboard.store;

import java.util.List;

/** The answer to a read-only query: column names, rows of plain values, and whether rows were cut at the limit. */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {}
