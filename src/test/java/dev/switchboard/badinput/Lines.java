package dev.switchboard.badinput;

import static dev.switchboard.badinput.Gen.weight;

import java.util.ArrayList;
import java.util.List;

/** Bad CSV files made from a valid one: a cell replaced by a bad value, lines truncated, delimiters changed, encodings broken. */
public final class Lines {
    private Lines() {}

    public static Gen<String> badCsv(String valid) {
        List<String> lines = valid.lines().toList();
        Gen<Integer> rows = Gen.ints(0, lines.size() - 1), cols = Gen.ints(0, 12);
        Gen<String> values = cellValues();
        Gen<String> cell = r -> {
            int row = rows.next(r), col = cols.next(r);
            String value = values.next(r);
            List<String> copy = new ArrayList<>(lines);
            String[] cells = copy.get(row).split(",", -1);
            cells[Math.min(col, cells.length - 1)] = value.contains(",") || value.contains("\"") || value.contains("\n")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
            copy.set(row, String.join(",", cells));
            return String.join("\n", copy);
        };
        return Gen.frequency(weight(6, cell), weight(2, BadInputs.truncated(valid)), weight(2, BadInputs.wrongDelimiter(valid)),
                weight(2, BadInputs.badBytes(valid).map(BadInputs::utf8)), weight(1, BadInputs.injections()),
                weight(1, Gen.of("\uFEFF" + valid, valid.replace("\n", "\r"), lines.get(0) + "," + lines.get(0), lines.get(0) + "\n" + lines.get(0),
                        "\"" + valid, "", lines.get(0), valid + "\n" + "x,".repeat(5_000))));
    }

    public static Gen<String> cellValues() {
        return Gen.oneOf(BadInputs.injections(), Gen.of(BadInputs.EXTREME_NUMBERS), Gen.of(BadInputs.NON_JSON_NUMBERS),
                Gen.of(BadInputs.BAD_DATES), Gen.of(BadInputs.BAD_DATES).map(d -> d.length() > 10 ? d.substring(0, 10) : d),
                Gen.longs().map(String::valueOf));
    }
}
