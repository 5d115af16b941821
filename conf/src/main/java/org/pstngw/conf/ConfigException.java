package org.pstngw.conf;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A configuration was rejected. Lists every defect found, one per line, never a parser stack trace. */
public final class ConfigException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(format(errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String format(List<ConfigError> errors) {
        return errors.size() + (errors.size() == 1 ? " configuration error" : " configuration errors") + ":\n"
                + errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
