package dev.switchboard.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** CPU seconds used by this JVM's threads, grouped by what they do, for the benchmark's "where the time goes". */
final class ThreadCpu {
    private ThreadCpu() {}

    static Map<String, Double> byGroup() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Double> out = new TreeMap<>();
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            long nanos = mx.getThreadCpuTime(id);
            if (info == null || nanos < 0) continue;
            out.merge(group(info.getThreadName()), nanos / 1e9, Double::sum);
        }
        return out;
    }

    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0.0)));
        return out;
    }

    private static String group(String name) {
        if (name.contains("StreamThread") && name.contains("producer")) return "streams producer I/O";
        if (name.contains("StreamThread")) return "streams thread";
        if (name.startsWith("store-sink")) return "store sink";
        if (name.startsWith("data-plane") || name.contains("kafka-request") || name.startsWith("broker") || name.contains("controller")
                || name.startsWith("kafka-log") || name.contains("Log") || name.startsWith("quorum") || name.startsWith("raft")) return "broker";
        if (name.contains("kafka-producer-network-thread")) return "ingest producer I/O";
        if (name.equals("main")) return "main (file reading, producing)";
        if (name.startsWith("GC") || name.startsWith("G1")) return "garbage collector";
        if (name.startsWith("C1") || name.startsWith("C2")) return "JIT compiler";
        return "other";
    }
}
