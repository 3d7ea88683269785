package dev.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/SETTINGS.md lists every setting the code declares, and no other. */
class SettingsDocTest {
    @Test
    void everyDeclaredSettingIsDocumentedAndOnlyThose() throws Exception {
        String doc = Files.readString(Path.of("docs/SETTINGS.md"));
        for (Setting<?> s : SettingsSpec.ALL) assertThat(doc).as(s.key()).contains("| `" + s.key() + "` |");
        long rows = doc.lines().filter(l -> l.startsWith("| `")).count();
        assertThat(rows).isEqualTo(SettingsSpec.ALL.size());
    }
}
