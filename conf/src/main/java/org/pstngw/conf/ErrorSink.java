package org.pstngw.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the errors found in one file. */
final class ErrorSink {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();
    private final UnaryOperator<String> env;

    ErrorSink(String file, UnaryOperator<String> env) {
        this.file = file;
        this.env = env;
    }

    /** The value of an environment variable, or null. */
    String env(String name) {
        return env.apply(name);
    }

    String file() {
        return file;
    }

    ConfigLocation locate(Node node) {
        return node == null ? new ConfigLocation(file, 0, 0) : locate(node.getStartMark());
    }

    ConfigLocation locate(Optional<Mark> mark) {
        return mark.map(m -> new ConfigLocation(file, m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> new ConfigLocation(file, 0, 0));
    }

    void add(ConfigLocation at, String path, String message) {
        errors.add(new ConfigError(file, at.line(), at.column(), path, message));
    }

    void add(Node at, String path, String message) {
        add(locate(at), path, message);
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }
}
