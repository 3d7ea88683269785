package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard directory import|export} on a data folder with no running process: straight into the DuckDB store. */
class DirectoryCommandIT {
    @TempDir Path dir;

    @Test
    void aCsvImportsMergesReplacesAndExportsBack() throws Exception {
        String data = dir.resolve("data").toString();
        Path csv = dir.resolve("directory.csv");
        Files.writeString(csv, "prefix,business_type,name\n+12015550123,food,Golden Pizza\n+1800234,Banking,Union Bank block\n");
        CliRun imp = CliRun.of("directory", "import", csv.toString(), "--data", data);
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("the directory has 2 entries after a merge of 2");

        Path more = dir.resolve("more.csv");
        Files.writeString(more, "prefix,business_type\n+12015550124,CLINIC\n");
        assertThat(CliRun.of("directory", "import", more.toString(), "--data", data).out()).contains("has 3 entries");
        assertThat(CliRun.of("directory", "import", more.toString(), "--mode", "replace", "--data", data).out()).contains("has 1 entries");
        CliRun back = CliRun.of("directory", "import", csv.toString(), "--mode", "replace", "--data", data);
        assertThat(back.exitCode()).as(back.err()).isZero();

        Path out = dir.resolve("export.csv");
        CliRun exp = CliRun.of("directory", "export", "--out", out.toString(), "--data", data);
        assertThat(exp.exitCode()).as(exp.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("prefix,business_type,name\r\n+12015550123,FOOD,Golden Pizza\r\n+1800234,BANKING,Union Bank block\r\n");
        CliRun q = CliRun.of("query", "select tag, count(*) as n from business_directory group by tag order by tag", "--format", "csv", "--data", data);
        assertThat(q.out()).contains("AD,1").contains("BUSINESS,1");
    }

    @Test
    void aBadFileIsRefusedWithItsLineNumbersAndChangesNothing() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "prefix,business_type\n+12015550123,FOOD\n+12015550123,CLINIC\n");
        CliRun imp = CliRun.of("directory", "import", csv.toString(), "--data", dir.resolve("data").toString());
        assertThat(imp.exitCode()).isEqualTo(2);
        assertThat(imp.err()).contains("bad directory CSV: line 3: prefix +12015550123 already on line 2");
        assertThat(CliRun.of("directory", "import", csv.toString(), "--mode", "upsert").err()).contains("--mode must be merge or replace");
        assertThat(CliRun.of("directory", "--help").out()).contains("import", "export");
        assertThat(CliRun.of("directory", "import", "--help").out()).contains("--mode", "prefix,business_type,name");
    }
}
