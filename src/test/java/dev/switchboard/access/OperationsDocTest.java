package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** docs/OPERATIONS.md lists every route of the access policy with the role it needs, and nothing else. */
class OperationsDocTest {
    @Test
    void theRouteTableIsThePolicy() throws Exception {
        String doc = Files.readString(Path.of("docs/OPERATIONS.md"));
        List<String> missing = new ArrayList<>();
        RoutePolicy.rules().forEach((route, need) -> {
            String row = "| `" + route + "` | " + need.name().toLowerCase(Locale.ROOT) + " |";
            if (!doc.contains(row)) missing.add(row);
        });
        assertThat(missing).isEmpty();
        long rows = doc.lines().filter(l -> l.matches("\\| `(GET|POST|PUT|DELETE|HEAD) [^`]+` \\| \\w+ \\|")).count();
        assertThat(rows).isEqualTo(RoutePolicy.rules().size());
    }
}
