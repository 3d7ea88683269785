package dev.switchboard.cdr;

import dev.switchboard.store.Column;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The columns of table {@code cdr} that say where a CDR's numbers are ({@link NumberPlaces}):
 * {@code caller_zone} (null unless libphonenumber names one zone), {@code called_region}, {@code called_cc}.
 * The templates over the history read them; they are written with the row and never change.
 */
public final class CdrPlaceColumns {
    public static final List<Column> COLUMNS = List.of(Column.text("caller_zone"), Column.text("called_region"), Column.integer("called_cc"));

    private final NumberPlaces places = new NumberPlaces(ZoneOffset.UTC); // a guessed zone is not stored, so any fallback will do

    /** The values of {@link #COLUMNS} for one CDR. */
    public Object[] values(Cdr cdr) {
        NumberPlaces.Place called = places.of(cdr.calledNumber());
        return new Object[] {places.of(cdr.callingNumber()).knownZone(), called.region(), called.countryCode()};
    }

    /** {@code row} followed by the values of {@link #COLUMNS}. */
    public Object[] append(Object[] row, Cdr cdr) {
        Object[] out = java.util.Arrays.copyOf(row, row.length + COLUMNS.size());
        System.arraycopy(values(cdr), 0, out, row.length, COLUMNS.size());
        return out;
    }

    /** {@code columns} followed by {@link #COLUMNS}. */
    public static List<Column> after(List<Column> columns) {
        return java.util.stream.Stream.concat(columns.stream(), COLUMNS.stream()).toList();
    }
}
