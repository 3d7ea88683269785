package dev.switchboard.platform;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB state stores of the process, as Kafka Streams' memory guide describes:
 * one block cache shared by every store, which also holds the index and filter blocks and is charged with the
 * memtables (through one write-buffer manager). Without it each store (one per task: dozens here) keeps its own
 * cache and memtables, and the process's resident memory grows with the state for a long while.
 * The size is setting {@code state-memory-mb}; platforms of one JVM (tests) that ask for the same size share one cache.
 */
public final class BoundedStateMemory implements RocksDBConfigSetter {
    /** Key of the Streams config entry that carries the size in bytes. */
    public static final String BYTES_CONFIG = "switchboard.state.memory.bytes";
    /** The part of the memory that memtables (writes not yet flushed) may take. */
    private static final double MEMTABLE_SHARE = 0.25;
    private static final double INDEX_FILTER_SHARE = 0.1;
    private static final Map<Long, Shared> SHARED = new java.util.HashMap<>();

    private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

    private static synchronized Shared shared(long bytes) {
        return SHARED.computeIfAbsent(bytes, b -> {
            Cache cache = new LRUCache(b, -1, false, INDEX_FILTER_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (b * MEMTABLE_SHARE), cache));
        });
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(Long.parseLong(String.valueOf(configs.get(BYTES_CONFIG))));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store of the process: they stay open.
    }
}
