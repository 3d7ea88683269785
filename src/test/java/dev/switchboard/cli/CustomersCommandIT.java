package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard customers generate|import} on a data folder with no running process: straight into the DuckDB store. */
class CustomersCommandIT {
    @TempDir Path dir;

    @Test
    void generatedCsvImportsAndAReimportOnlyUpdates() throws Exception {
        Path data = dir.resolve("data");
        Path csv = dir.resolve("customers.csv");
        CliRun gen = CliRun.of("customers", "generate", "--count", "25", "--seed", "3", "--data", data.toString(), "--out", csv.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(26);
        assertThat(Files.exists(data.resolve("subscribers.csv"))).isTrue();

        CliRun first = CliRun.of("customers", "import", csv.toString(), "--data", data.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("created=25 updated=0");
        assertThat(CliRun.of("customers", "import", csv.toString(), "--data", data.toString()).out()).contains("created=0 updated=25");
        assertThat(Files.exists(data.resolve("keys/customer.key"))).isTrue();

        // every customer's first number is a subscriber of the CDR generator
        String subscribers = Files.readString(data.resolve("subscribers.csv"));
        String firstNumber = Files.readAllLines(csv).get(1).split(",")[7].split(";")[0];
        assertThat(subscribers).contains(firstNumber);

        CliRun q = CliRun.of("query", "select count(*) as n from customer", "--format", "csv", "--data", data.toString());
        assertThat(q.out()).contains("25");
        CliRun leak = CliRun.of("query", "select * from customer", "--format", "csv", "--data", data.toString());
        String firstId = Files.readAllLines(csv).get(1).split(",")[1];
        assertThat(leak.out()).doesNotContain(firstId).contains("v1:");
    }

    /** Rotating the personal-data key: same plain data under the new key, the old key no longer opens it, re-imports still match. */
    @Test
    void rotateKeyReencryptsEveryCustomerAndRetiresTheOldKey() throws Exception {
        Path data = dir.resolve("data");
        Path csv = dir.resolve("customers.csv");
        CliRun.of("customers", "generate", "--count", "12", "--seed", "5", "--data", data.toString(), "--out", csv.toString());
        assertThat(CliRun.of("customers", "import", csv.toString(), "--data", data.toString()).out()).contains("created=12");
        Path keyFile = data.resolve("keys/customer.key");
        String oldKey = Files.readString(keyFile).strip();
        java.util.List<dev.switchboard.customer.Customer> before = customers(data, oldKey);

        CliRun rotated = CliRun.of("customers", "rotate-key", "--data", data.toString());
        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(rotated.out()).contains("re-encrypted 12 customers", "customer.key.retired-");
        String newKey = Files.readString(keyFile).strip();
        assertThat(newKey).isNotEqualTo(oldKey);
        try (var retired = Files.list(data.resolve("keys"))) {
            assertThat(retired.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("customer.key.retired-")).noneMatch(n -> n.endsWith(".next"));
        }
        assertThat(customers(data, newKey)).isEqualTo(before);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> customers(data, oldKey)).hasMessageContaining("not the one the data was encrypted with");
        assertThat(CliRun.of("customers", "import", csv.toString(), "--data", data.toString()).out()).as("the national-id index follows the key")
                .contains("created=0 updated=12");
    }

    private static java.util.List<dev.switchboard.customer.Customer> customers(Path data, String key) {
        try (var db = dev.switchboard.store.Database.open("jdbc:duckdb:" + data.resolve("switchboard.duckdb"), "", "")) {
            return new dev.switchboard.customer.CustomerStore(db, dev.switchboard.customer.FieldCipher.fromBase64(key), java.time.Clock.systemUTC())
                    .list(null, null, 100, 0).customers();
        }
    }

    @Test
    void generateWithoutOutImportsAndJsonFilesImportToo() throws Exception {
        Path data = dir.resolve("data");
        CliRun gen = CliRun.of("customers", "generate", "--count", "5", "--data", data.toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("created=5");
        Path json = dir.resolve("more.json");
        Files.writeString(json, "{\"name\":\"Eve Json\",\"national_id\":\"901-11-2222\",\"birth_date\":\"1990-01-02\",\"sex\":\"F\","
                + "\"address\":\"5 Main St\",\"city\":\"Boston\",\"phones\":[\"+12025550177\"],\"subscriptions\":[{\"product_code\":\"TV\",\"since\":\"2024-01-01\"}]}\n");
        CliRun imp = CliRun.of("customers", "import", json.toString(), "--data", data.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("created=1");
    }

    @Test
    void aBadFileIsAUserErrorNamingTheLineAndNotTheValue() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "name,national_id,birth_date,sex,address,city,phones\nA,900-12-3456,2001-02-30x,F,1 Elm,X,+12025550143\n");
        CliRun r = CliRun.of("customers", "import", csv.toString(), "--data", dir.resolve("data").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("line 2: birth_date").doesNotContain("2001-02-30x");
    }
}
