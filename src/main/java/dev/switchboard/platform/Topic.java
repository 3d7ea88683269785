package dev.switchboard.platform;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values, so no topic name travels as a loose string. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
