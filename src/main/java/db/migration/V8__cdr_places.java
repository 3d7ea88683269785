package db.migration;

import dev.switchboard.cdr.NumberPlaces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Table {@code cdr} gets where its numbers are (docs/MARKETING.md): {@code caller_zone} (the calling
 * number's time zone when libphonenumber names exactly one, else null), {@code called_region} (ISO
 * region, ZZ when none) and {@code called_cc} (country calling code, 0 when none). Rows stored before
 * are filled here, one distinct number at a time through a staging table and one joined update each.
 * Runs on DuckDB and PostgreSQL.
 */
public class V8__cdr_places extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        NumberPlaces places = new NumberPlaces(ZoneOffset.UTC); // the fallback is never stored
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE cdr ADD COLUMN caller_zone VARCHAR");
            s.execute("ALTER TABLE cdr ADD COLUMN called_region VARCHAR");
            s.execute("ALTER TABLE cdr ADD COLUMN called_cc INTEGER");
            s.execute("CREATE TEMPORARY TABLE cdr_place_fill (number VARCHAR PRIMARY KEY, zone VARCHAR, region VARCHAR, cc INTEGER)");
        }
        fill(c, places, "SELECT DISTINCT calling_number FROM cdr");
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE cdr SET caller_zone = f.zone FROM cdr_place_fill f WHERE cdr.calling_number = f.number");
            s.execute("DELETE FROM cdr_place_fill");
        }
        fill(c, places, "SELECT DISTINCT called_number FROM cdr");
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE cdr SET called_region = f.region, called_cc = f.cc FROM cdr_place_fill f WHERE cdr.called_number = f.number");
            s.execute("DROP TABLE cdr_place_fill");
        }
    }

    private static void fill(Connection c, NumberPlaces places, String distinct) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(distinct);
             PreparedStatement ps = c.prepareStatement("INSERT INTO cdr_place_fill VALUES (?, ?, ?, ?)")) {
            int n = 0;
            while (rs.next()) {
                String number = rs.getString(1);
                if (number == null) continue;
                NumberPlaces.Place p = places.of(number);
                ps.setString(1, number);
                ps.setString(2, p.knownZone());
                ps.setString(3, p.region());
                ps.setInt(4, p.countryCode());
                ps.addBatch();
                if (++n % 10_000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }
}
