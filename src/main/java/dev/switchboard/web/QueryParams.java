package dev.switchboard.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read the one way every route reads them: blank is absent (the fallback), and a value
 * that is not what the parameter takes is an {@link IllegalArgumentException} naming it (a 400).
 */
public final class QueryParams {
    private QueryParams() {}

    /** A whole number from {@code min} to {@code max}. */
    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }

    /** A decimal number strictly between {@code above} and {@code below}. */
    public static double decimal(Context ctx, String name, double fallback, double above, double below) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            double d = Double.parseDouble(v.strip());
            if (d > above && d < below) return d;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(name + " must be a number above " + above + " and below " + below + ", got '" + v + "'");
    }

    /** A date YYYY-MM-DD. */
    public static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }
}
