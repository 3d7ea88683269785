package dev.switchboard.badinput;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Bad CSV files made from a valid one: a cell replaced by a bad value, lines truncated, delimiters changed, encodings broken. */
public final class Lines {
    private Lines() {}

    public static Arbitrary<String> badCsv(String valid) {
        List<String> lines = valid.lines().toList();
        Arbitrary<String> cell = Combinators.combine(Arbitraries.integers().between(0, lines.size() - 1), Arbitraries.integers().between(0, 12),
                cellValues()).as((row, col, value) -> {
                    List<String> copy = new ArrayList<>(lines);
                    String[] cells = copy.get(row).split(",", -1);
                    cells[Math.min(col, cells.length - 1)] = value.contains(",") || value.contains("\"") || value.contains("\n")
                            ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
                    copy.set(row, String.join(",", cells));
                    return String.join("\n", copy);
                });
        return Arbitraries.frequencyOf(Tuple.of(6, cell), Tuple.of(2, BadInputs.truncated(valid)), Tuple.of(2, BadInputs.wrongDelimiter(valid)),
                Tuple.of(2, BadInputs.badBytes(valid).map(BadInputs::utf8)), Tuple.of(1, BadInputs.injections()),
                Tuple.of(1, Arbitraries.of("\uFEFF" + valid, valid.replace("\n", "\r"), lines.get(0) + "," + lines.get(0), lines.get(0) + "\n" + lines.get(0),
                        "\"" + valid, "", lines.get(0), valid + "\n" + "x,".repeat(5_000))));
    }

    public static Arbitrary<String> cellValues() {
        return Arbitraries.oneOf(BadInputs.injections(), Arbitraries.of(BadInputs.EXTREME_NUMBERS), Arbitraries.of(BadInputs.NON_JSON_NUMBERS),
                Arbitraries.of(BadInputs.BAD_DATES), Arbitraries.of(BadInputs.BAD_DATES).map(d -> d.length() > 10 ? d.substring(0, 10) : d),
                Arbitraries.longs().map(String::valueOf));
    }
}
