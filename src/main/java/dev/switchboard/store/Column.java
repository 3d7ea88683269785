package dev.switchboard.store;

/** A column a feature writes: its name and how its Java value is bound. */
public record Column(String name, Type type) {
    public enum Type { TEXT, INT, BIGINT, TIMESTAMP }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INT);
    }

    public static Column bigint(String name) {
        return new Column(name, Type.BIGINT);
    }

    public static Column timestamp(String name) {
        return new Column(name, Type.TIMESTAMP);
    }
}
