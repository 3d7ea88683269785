package dev.switchboard.mediation;

/** Accounting of one kind (or one source of one kind). Once the pipeline has drained, {@code in == clean + error + duplicate}. */
public record Counts(long in, long clean, long error, long duplicate) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0);

    public long accounted() {
        return clean + error + duplicate;
    }

    public boolean drained() {
        return in == accounted();
    }

    public Counts plus(Counter counter, long n) {
        return switch (counter) {
            case IN -> new Counts(in + n, clean, error, duplicate);
            case CLEAN -> new Counts(in, clean + n, error, duplicate);
            case ERROR -> new Counts(in, clean, error + n, duplicate);
            case DUPLICATE -> new Counts(in, clean, error, duplicate + n);
        };
    }

    public Counts plus(Counts other) {
        return new Counts(in + other.in, clean + other.clean, error + other.error, duplicate + other.duplicate);
    }

    public Counts minus(Counts other) {
        return new Counts(in - other.in, clean - other.clean, error - other.error, duplicate - other.duplicate);
    }

    @Override
    public String toString() {
        return "in=" + in + " clean=" + clean + " error=" + error + " duplicate=" + duplicate;
    }
}
