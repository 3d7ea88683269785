package dev.switchboard.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link BodyTooLargeException} once more than the limit has been read, so a huge body is cut off while streaming. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) count(n);
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > limit) throw new BodyTooLargeException(limit);
    }

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long limit) {
            super(RequestBodyLimit.message(limit));
        }
    }
}
