package dev.switchboard.rating;

import dev.switchboard.cdr.CdrType;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code GET /api/cdr/{id}/cost}: the cost proof of a rated CDR, rebuilt whole from what is stored with it
 * ({@link StoredProof}), with its {@code check}.
 */
public final class CostRoutes {
    private final Database db;

    public CostRoutes(Database db) {
        this.db = db;
    }

    public void register(Javalin app) {
        app.get("/api/cdr/{id}/cost", this::cost);
    }

    private void cost(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT cost_proof, type, rate_id, plan_version, currency FROM cdr WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "unknown CDR", "details", "no CDR with id " + id + " is stored"));
                } else if (rs.getString(1) == null) {
                    ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "not rated",
                            "details", "CDR " + id + " is stored but has no price (not rated yet, or no rate matched: see cdr_error)"));
                } else {
                    CostProof proof = StoredProof.read(rs.getString(1), CdrType.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getString(5));
                    ctx.contentType("application/json").result(Json.write(proof));
                }
            }
        }
    }
}
