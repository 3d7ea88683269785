package dev.switchboard.badinput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A generator of test input: a function of a {@link SplittableRandom}, so that a seed reproduces what it drew.
 * Only the few combinators the bad-input campaign needs; {@link Tries} runs a property on its values.
 */
@FunctionalInterface
public interface Gen<T> {
    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Lists of {@code min} to {@code max} values, both inclusive. */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int n = r.nextInt(min, max + 1);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(next(r));
            return out;
        };
    }

    /** An endless stream of values drawn from {@code random}. */
    default Stream<T> samples(SplittableRandom random) {
        return Stream.generate(() -> next(random));
    }

    static <T> Gen<T> just(T value) {
        return r -> value;
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    /** One of the values, each as likely. */
    static <T> Gen<T> of(Collection<? extends T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) throw new IllegalArgumentException("nothing to choose from");
        return r -> copy.get(r.nextInt(copy.size()));
    }

    /** A value of one of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return oneOf(List.of(gens));
    }

    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
        List<Gen<? extends T>> copy = List.copyOf(gens);
        return r -> copy.get(r.nextInt(copy.size())).next(r);
    }

    /** A generator with its weight, for {@link #frequency}. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) throw new IllegalArgumentException("weight " + weight);
        }
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value of one of the generators, chosen in proportion to their weights. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> w : copy) {
                if (pick < w.weight()) return w.gen().next(r);
                pick -= w.weight();
            }
            throw new IllegalStateException("unreachable");
        };
    }

    /** Integers from {@code min} to {@code max}, both inclusive. */
    static Gen<Integer> ints(int min, int max) {
        if (min > max) throw new IllegalArgumentException(min + " > " + max);
        return r -> (int) r.nextLong(min, (long) max + 1);
    }

    /** Longs from {@code min} to {@code max}, both inclusive. */
    static Gen<Long> longs(long min, long max) {
        if (min > max) throw new IllegalArgumentException(min + " > " + max);
        if (max < Long.MAX_VALUE) return r -> r.nextLong(min, max + 1);
        if (min > Long.MIN_VALUE) return r -> r.nextLong(min - 1, max) + 1;
        return SplittableRandom::nextLong;
    }

    /** Any long, the edge values (0, ±1, MIN, MAX) one time in ten. */
    static Gen<Long> longs() {
        Gen<Long> edges = of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
        return r -> r.nextInt(10) == 0 ? edges.next(r) : r.nextLong();
    }

    /** Any double, NaN, infinities, -0.0 and subnormals included. */
    static Gen<Double> doubles() {
        Gen<Double> edges = of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        return r -> switch (r.nextInt(4)) {
            case 0 -> edges.next(r);
            case 1 -> (r.nextDouble() - 0.5) * 2_000_000;
            default -> Double.longBitsToDouble(r.nextLong());
        };
    }

    /** Characters from {@code from} to {@code to}, both inclusive. */
    static Gen<Character> chars(char from, char to) {
        return r -> (char) r.nextInt(from, to + 1);
    }

    /** Any UTF-16 code unit, lone surrogates and noncharacters included. */
    static Gen<Character> anyChar() {
        return chars(Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /** A character of the Basic Multilingual Plane that is not a surrogate. */
    static Gen<Character> bmpChar() {
        return r -> {
            char c;
            do c = (char) r.nextInt(0, 0x10000);
            while (Character.isSurrogate(c));
            return c;
        };
    }

    /** One of the characters of {@code alphabet}. */
    static Gen<Character> charsOf(String alphabet) {
        return r -> alphabet.charAt(r.nextInt(alphabet.length()));
    }

    String ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Strings of {@code min} to {@code max} characters (both inclusive) drawn from {@code chars}. */
    static Gen<String> strings(Gen<Character> chars, int min, int max) {
        return r -> {
            int n = r.nextInt(min, max + 1);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) s.append((char) chars.next(r));
            return s.toString();
        };
    }

    /** Byte arrays of {@code min} to {@code max} random bytes. */
    static Gen<byte[]> bytes(int min, int max) {
        return r -> {
            byte[] b = new byte[r.nextInt(min, max + 1)];
            for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
            return b;
        };
    }

    /** Maps of up to {@code maxSize} entries (fewer when keys repeat). */
    static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
        return r -> {
            int n = r.nextInt(0, maxSize + 1);
            Map<K, V> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) out.put(keys.next(r), values.next(r));
            return out;
        };
    }

    /** Two values drawn together, for a property of two inputs. */
    record Pair<A, B>(A first, B second) {}

    static <A, B> Gen<Pair<A, B>> pairs(Gen<A> first, Gen<B> second) {
        return r -> new Pair<>(first.next(r), second.next(r));
    }

    /** A value made of one value of each generator. */
    static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, java.util.function.BiFunction<? super A, ? super B, ? extends R> f) {
        return r -> f.apply(first.next(r), second.next(r));
    }
}
