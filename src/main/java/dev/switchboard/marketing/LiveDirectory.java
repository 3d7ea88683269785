package dev.switchboard.marketing;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The directory of the moment, for lookups on a hot path (the API's lookup, a Streams step): read from
 * the store once, and read again after every committed change, so a lookup never touches the database.
 */
public final class LiveDirectory implements Supplier<BusinessDirectory> {
    private final AtomicReference<BusinessDirectory> current;

    private LiveDirectory(BusinessDirectory initial) {
        this.current = new AtomicReference<>(initial);
    }

    public static LiveDirectory of(DirectoryStore store) {
        LiveDirectory live = new LiveDirectory(store.load());
        store.onChange(() -> live.current.set(store.load()));
        return live;
    }

    /** A directory that does not change (tests, a process without the store). */
    public static LiveDirectory fixed(BusinessDirectory directory) {
        return new LiveDirectory(directory);
    }

    @Override
    public BusinessDirectory get() {
        return current.get();
    }
}
