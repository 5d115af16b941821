package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/CONFIGURATION.md is generated from the setting definitions. Regenerate with
 * {@code ./mvnw -pl conf verify -Dconf.writeDocs=true}.
 */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");

    @Test
    void checkedInReferenceMatchesTheDefinitions() throws Exception {
        String generated = ConfigSchema.describe();
        if (Boolean.getBoolean("conf.writeDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/CONFIGURATION.md is stale: rerun with -Dconf.writeDocs=true")
                .isEqualTo(generated);
    }

    @Test
    void everySettingHasADescriptionAndAKind() {
        for (SchemaSection section : ConfigSchema.sections()) {
            for (Setting<?> s : section.settings()) {
                assertThat(s.description()).as(section.path() + "." + s.key()).isNotBlank();
                assertThat(s.kind().describe()).isNotBlank();
            }
        }
        assertThat(ConfigSchema.describe())
                .contains("| `port` | port 0..65535 | 5060; 5061 for tls |")
                .contains("| `t7` | duration 20s..30s | 20s | s |");
    }
}
