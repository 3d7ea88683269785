package dev.switchboard.store;

/** A column a feature writes: its name and how its Java value is bound. */
public record Column(String name, Type type) {
    public enum Type { TEXT, INT, BIGINT, TIMESTAMP, DECIMAL }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INT);
    }

    public static Column bigint(String name) {
        return new Column(name, Type.BIGINT);
    }

    /** Decimals of every DECIMAL column in the schema ({@code DECIMAL(18, 6)}); more are rounded half-even. */
    public static final int DECIMAL_SCALE = 6;

    /** Exact money and the like: a {@link java.math.BigDecimal}, stored as {@code DECIMAL(18, 6)}. */
    public static Column decimal(String name) {
        return new Column(name, Type.DECIMAL);
    }

    public static Column timestamp(String name) {
        return new Column(name, Type.TIMESTAMP);
    }
}
