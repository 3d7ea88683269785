package dev.switchboard.callcenter.live;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Where the view reads the metrics' stores: the running Streams instance, or a test driver. */
@FunctionalInterface
public interface StoreLookup {
    <V> ReadOnlyKeyValueStore<String, V> store(String name);
}
