package dev.switchboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.platform.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers (a request it refuses before any route sees it: a URI or headers too long, a
 * malformed request line) as the API's JSON {@code {"error", "details"}} instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (HttpStatus.hasNoBody(status)) return ByteBuffer.allocate(0);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        if (HttpStatus.hasNoBody(code)) return;
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    static byte[] body(int status, String reason) {
        String name = HttpStatus.getMessage(status);
        String error = name == null ? "error " + status : name.toLowerCase(Locale.ROOT);
        try {
            return Json.MAPPER.writeValueAsBytes(new ApiError(error, reason == null || reason.isBlank() ? error : reason));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
