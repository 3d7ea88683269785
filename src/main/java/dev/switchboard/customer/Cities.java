package dev.switchboard.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.datafaker.Faker;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The cities customers live in, weighted by population: a table of the largest cities for US, GB, FR
 * and DE ({@code customer/cities.csv}); for other regions, city names from Datafaker with weights
 * falling as 1/rank (Zipf), the usual shape of city sizes.
 */
record Cities(List<String> names, double[] weights) {
    static final int FALLBACK_COUNT = 30;

    static Cities of(String region, Faker faker) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        try (InputStream in = Cities.class.getResourceAsStream("/customer/cities.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                if (!row.get("region").equals(region)) continue;
                names.add(row.get("city"));
                weights.add(Double.parseDouble(row.get("population")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (names.isEmpty()) {
            Set<String> made = new LinkedHashSet<>();
            for (int i = 0; made.size() < FALLBACK_COUNT && i < FALLBACK_COUNT * 20; i++) made.add(faker.address().city());
            names.addAll(made);
            for (int rank = 1; rank <= names.size(); rank++) weights.add(1.0 / rank);
        }
        return new Cities(List.copyOf(names), weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
