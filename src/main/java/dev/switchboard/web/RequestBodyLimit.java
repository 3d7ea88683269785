package dev.switchboard.web;

import dev.switchboard.platform.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The setting {@code max-body-bytes} on every route that reads a body, however it reads it
 * ({@code ctx.body()}, {@code bodyAsBytes()}, {@code bodyInputStream()}): a body declared larger
 * (Content-Length) is answered 413 before it is read; a body sent without a length (chunked) fails with
 * {@link BodyTooLargeException}, answered 413, once the limit is passed while reading.
 */
final class RequestBodyLimit implements Filter {
    private final long maxBytes;

    private RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static void install(JavalinConfig config, long maxBytes) {
        config.http.maxRequestSize = maxBytes; // Javalin's own check (on Content-Length) then never comes first with its plain answer
        config.jetty.modifyServletContextHandler(handler ->
                handler.addFilter(new FilterHolder(new RequestBodyLimit(maxBytes)), "/*", EnumSet.of(DispatcherType.REQUEST)));
    }

    static String message(long maxBytes) {
        return "the body is larger than " + maxBytes + " bytes (setting max-body-bytes); send it in smaller parts";
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > maxBytes) {
            HttpServletResponse res = (HttpServletResponse) response;
            res.setStatus(HttpStatus.CONTENT_TOO_LARGE.getCode());
            res.setContentType("application/json");
            res.getOutputStream().write(Json.MAPPER.writeValueAsString(new ApiError("body too large", message(maxBytes)))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(http) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) limited = new Limited(super.getInputStream(), maxBytes);
                return limited;
            }
        }, response);
    }

    /** Counts what is read and fails past the limit. */
    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Limited(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** A body past {@code max-body-bytes}, found while reading it. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long limit) {
            super(message(limit));
        }
    }
}
