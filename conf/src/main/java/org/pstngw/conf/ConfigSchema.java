package org.pstngw.conf;

import java.util.ArrayList;
import java.util.List;

/** Every setting the gateway reads, with its kind, default, unit and description: the settings reference. */
public final class ConfigSchema {
    private ConfigSchema() {}

    public static List<SchemaSection> sections() {
        List<SchemaSection> all = new ArrayList<>();
        all.addAll(BasicSections.nodeSchema());
        all.addAll(SipSection.schema());
        all.addAll(Ss7Section.schema());
        all.addAll(TdmSection.schema());
        all.addAll(BasicSections.mediaSchema());
        return List.copyOf(all);
    }

    /** The settings reference as Markdown: one table per section. Secret defaults are never shown. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration reference\n\n")
                .append("Generated from the setting definitions in `conf` (`ConfigSchema.describe()`); do not edit.\n")
                .append("Every setting is optional: an empty file gives the embedded demo. Durations take a unit ")
                .append("(`500ms`, `32s`, `3min`, `1h`); a bare number is read in the unit shown. Enum values are ")
                .append("written in lower case with dashes.\n");
        for (SchemaSection section : sections()) {
            sb.append("\n## `")
                    .append(section.path())
                    .append("`\n\n")
                    .append(section.description())
                    .append(".\n\n");
            sb.append("| setting | value | default | unit | description |\n");
            sb.append("|---|---|---|---|---|\n");
            for (Setting<?> s : section.settings()) {
                sb.append("| `")
                        .append(s.key())
                        .append("` | ")
                        .append(cell(s.kind().describe()))
                        .append(" | ")
                        .append(s.secret() ? "(secret)" : cell(s.defaultText()))
                        .append(" | ")
                        .append(cell(s.unit()))
                        .append(" | ")
                        .append(cell(s.description()))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }
}
