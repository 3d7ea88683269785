package dev.switchboard.customer;

import dev.switchboard.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-encrypts every customer's personal data from one key to another in one transaction: each field is
 * opened with the old key (a row it does not open stops the rotation, nothing changed) and sealed with
 * the new one, and the national-id index is recomputed with the new key. Plain values live only in memory.
 */
public final class KeyRotation {
    private KeyRotation() {}

    /** Returns the number of customers re-encrypted. */
    public static int reencrypt(Database db, FieldCipher from, FieldCipher to) {
        return db.inTransaction("cannot re-encrypt the customers", c -> {
            record Sealed(long id, String nationalId, String index, String birthDate, String address) {}
            List<Sealed> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, national_id_enc, birth_date_enc, address_enc FROM customer ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String nationalId;
                    String birthDate;
                    String address;
                    try {
                        nationalId = from.decrypt("national_id", rs.getString(2));
                        birthDate = from.decrypt("birth_date", rs.getString(3));
                        address = from.decrypt("address", rs.getString(4));
                    } catch (CustomerException e) {
                        throw new CustomerException(CustomerException.Code.KEY, "customer " + id + ": " + e.getMessage()
                                + "; nothing was re-encrypted");
                    }
                    rows.add(new Sealed(id, to.encrypt("national_id", nationalId), to.index(nationalId), to.encrypt("birth_date", birthDate),
                            to.encrypt("address", address)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE customer SET national_id_enc = ?, national_id_index = ?, birth_date_enc = ?, address_enc = ? WHERE id = ?")) {
                for (Sealed r : rows) {
                    ps.setString(1, r.nationalId());
                    ps.setString(2, r.index());
                    ps.setString(3, r.birthDate());
                    ps.setString(4, r.address());
                    ps.setLong(5, r.id());
                    ps.executeUpdate();
                }
            }
            return rows.size();
        });
    }
}
