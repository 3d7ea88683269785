package dev.switchboard.predict;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.platform.Json;
import dev.switchboard.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Trained models: a row of table {@code model_registry} each (report as JSON, active or not) and the
 * model itself as a Tribuo protobuf file in the models folder ({@code DATA/models/}). At most one row
 * is active: the model a process loads at start.
 */
public final class ModelRegistry {
    /** One registered model, for listings. */
    public record Entry(int version, @JsonProperty("trained_at") Instant trainedAt, String algorithm, double accuracy,
            @JsonProperty("baseline_accuracy") double baselineAccuracy, @JsonProperty("bayes_optimal_accuracy") Double bayesOptimalAccuracy,
            boolean active, String file) {}

    private final Database db;
    private final Path folder;

    public ModelRegistry(Database db, Path folder) {
        this.db = db;
        this.folder = folder;
    }

    public int nextVersion() {
        return db.read("cannot read the model registry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM model_registry"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        });
    }

    /** Writes the model file, then its row; when {@code active}, it becomes the only active one. Returns the file. */
    public Path save(ModelReport report, Model<Label> model, boolean active) {
        Path file = folder.resolve("subject-v" + report.version() + ".tribuo");
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(file.getFileName() + ".tmp");
            model.serializeToFile(tmp);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ModelException(ModelException.Code.BAD_MODEL_FILE, "cannot write " + file + ": " + e.getMessage(), e);
        }
        db.inTransaction("cannot record model " + report.version(), c -> {
            if (active) try (PreparedStatement ps = c.prepareStatement("UPDATE model_registry SET active = false WHERE active")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_registry (version, trained_at, data_from, data_until, algorithm, "
                    + "features, metrics, file, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, report.version());
                ps.setObject(2, utc(report.trainedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(3, utc(report.dataFrom()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(4, utc(report.dataUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(5, report.algorithm());
                ps.setString(6, json(report.features()));
                ps.setString(7, json(report));
                ps.setString(8, file.toAbsolutePath().toString());
                ps.setBoolean(9, active);
                ps.executeUpdate();
            }
            return null;
        });
        return file;
    }

    public List<Entry> list() {
        return db.read("cannot read the model registry", c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT metrics, active, file FROM model_registry ORDER BY version DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ModelReport r = report(rs.getString(1));
                    out.add(new Entry(r.version(), r.trainedAt(), r.algorithm(), r.accuracy(), r.baselineAccuracy(), r.bayesOptimalAccuracy(),
                            rs.getBoolean(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** The active model with its report, loaded from its file; empty when none is active. */
    public Optional<CurrentModel.Installed> loadActive() {
        Optional<String[]> row = db.read("cannot read the model registry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT metrics, file FROM model_registry WHERE active ORDER BY version DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        });
        return row.map(r -> new CurrentModel.Installed(report(r[0]), new SubjectPredictor(load(Path.of(r[1])))));
    }

    @SuppressWarnings("unchecked")
    static Model<Label> load(Path file) {
        try {
            Model<?> model = Model.deserializeFromFile(file);
            if (!model.validate(Label.class)) throw new ModelException(ModelException.Code.BAD_MODEL_FILE, file + " is not a classification model");
            return (Model<Label>) model;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelException m) throw m;
            throw new ModelException(ModelException.Code.BAD_MODEL_FILE, "cannot load model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static ModelReport report(String json) {
        try {
            return Json.MAPPER.readValue(json, ModelReport.class);
        } catch (JsonProcessingException e) {
            throw new ModelException(ModelException.Code.BAD_MODEL_FILE, "unreadable model report in the registry: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
