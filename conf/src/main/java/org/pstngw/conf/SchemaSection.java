package org.pstngw.conf;

import java.util.List;

/**
 * One section of the settings reference.
 *
 * @param path where the section sits, {@code sip.transports[]} for list items
 * @param description what the section configures
 * @param settings its settings
 */
public record SchemaSection(String path, String description, List<Setting<?>> settings) {
    public SchemaSection {
        settings = List.copyOf(settings);
    }
}
