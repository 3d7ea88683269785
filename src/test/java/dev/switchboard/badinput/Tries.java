package dev.switchboard.badinput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs a property of the bad-input campaign: {@link #DEFAULT} tries (300, or {@code -Dbadinput.tries=N}), each on a
 * value drawn from a random seeded by {@link #SEED} (fixed, or {@code -Dbadinput.seed=S}) and the property's name, so
 * that a run is repeatable. A failure names the property, the try, the seed and the input; no shrinking. One line per
 * property reports its tries, seed, time and the outcomes counted with {@link #count}.
 */
public final class Tries {
    public static final int DEFAULT = Integer.getInteger("badinput.tries", 300);
    public static final long SEED = Long.parseLong(System.getProperty("badinput.seed", "20260301"));
    private static final int SHOWN = 2_000;
    private static final ThreadLocal<Map<String, Map<String, Integer>>> COUNTS = new ThreadLocal<>();

    private Tries() {}

    /** Checks {@code property} on {@link #DEFAULT} values of {@code gen}. */
    public static <T> void check(Gen<T> gen, ThrowingConsumer<T> property) {
        check(DEFAULT, gen, property);
    }

    /** Checks {@code property} on {@code tries} values of {@code gen} (a property with its own number of tries keeps it). */
    public static <T> void check(int tries, Gen<T> gen, ThrowingConsumer<T> property) {
        String name = caller();
        SplittableRandom random = random(name);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        COUNTS.set(counts);
        long start = System.nanoTime();
        try {
            for (int i = 1; i <= tries; i++) {
                T input = gen.next(random);
                try {
                    property.accept(input);
                } catch (Throwable t) {
                    throw new AssertionError(String.format("%s failed at try %d of %d, seed %d (rerun: -Dbadinput.seed=%d -Dtest='%s'): %s%ninput: %s",
                            name, i, tries, SEED, SEED, name.replace('.', '#'), t, describe(input)), t);
                }
            }
        } finally {
            COUNTS.remove();
        }
        System.out.printf("[bad input] %s: %d tries, seed %d, %.1f s%s%n", name, tries, SEED, (System.nanoTime() - start) / 1e9, summary(counts));
    }

    /** Counts one outcome of the current try under {@code label}, for the property's summary line; outside a property, nothing. */
    public static void count(String label, String value) {
        Map<String, Map<String, Integer>> counts = COUNTS.get();
        if (counts != null) counts.computeIfAbsent(label, l -> new TreeMap<>()).merge(value, 1, Integer::sum);
    }

    /** The random for {@code name} under {@link #SEED}: the same values on every run with the same seed. */
    public static SplittableRandom random(String name) {
        return new SplittableRandom(SEED * 31 + name.hashCode());
    }

    /** Each label's outcomes with their share of all that label counted (a try may count more than one, e.g. two files). */
    private static String summary(Map<String, Map<String, Integer>> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((label, values) -> {
            int total = values.values().stream().mapToInt(Integer::intValue).sum();
            List<String> parts = new ArrayList<>();
            values.forEach((v, n) -> parts.add(String.format("%s %d (%d%%)", v, n, Math.round(100.0 * n / total))));
            s.append("; ").append(label).append(": ").append(String.join(", ", parts));
        });
        return s.toString();
    }

    /** Test class and method that called {@link #check} (the method around the lambda when called from one). */
    private static String caller() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(s -> s.dropWhile(f -> f.getClassName().equals(Tries.class.getName())).toList());
        if (frames.isEmpty()) return "property";
        String type = frames.get(0).getClassName();
        String method = frames.stream().filter(f -> f.getClassName().equals(type) && !f.getMethodName().startsWith("lambda$")).findFirst()
                .orElse(frames.get(0)).getMethodName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method;
    }

    /** The input as text a failure report can show: control and invisible characters escaped, long values cut. */
    static String describe(Object input) {
        if (input instanceof byte[] b)
            return b.length + " bytes " + Arrays.toString(Arrays.copyOf(b, Math.min(b.length, 200))) + (b.length > 200 ? "…" : "")
                    + ", as UTF-8: " + describe(BadInputs.utf8(b));
        if (input instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < s.length() && out.length() < SHOWN; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
                        || c == '"' || c == '\\')
                    out.append(c == '"' || c == '\\' ? "\\" + c : String.format("\\u%04x", (int) c));
                else out.append(c);
            }
            out.append('"');
            return s.length() + " chars " + out + (out.length() >= SHOWN ? "…" : "");
        }
        if (input instanceof Gen.Pair<?, ?> p) return "(" + describe(p.first()) + ", " + describe(p.second()) + ")";
        if (input instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) parts.add(describe(o));
            return l.size() + " values " + parts;
        }
        return String.valueOf(input);
    }
}
