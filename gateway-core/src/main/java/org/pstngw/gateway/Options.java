package org.pstngw.gateway;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The launcher's command line.
 *
 * <pre>
 * --config FILE   the configuration (YAML, see docs/CONFIGURATION.md); without it the embedded default
 * --port N        every SIP listener on port N instead of its configured one (0: ephemeral); for a quick second
 *                 instance beside a running one
 * </pre>
 *
 * @param config the configuration file, if given
 * @param port the port override, if given
 */
record Options(Optional<Path> config, OptionalInt port) {

    static final String USAGE = "usage: pstngw [--config FILE] [--port N]";

    /** Parses {@code args}; a defect is an {@link IllegalArgumentException} naming it. */
    static Options parse(String[] args) {
        Path config = null;
        Integer port = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--config") && !a.equals("--port")) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            if (a.equals("--config")) {
                config = Path.of(v);
            } else {
                try {
                    port = Integer.valueOf(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--port " + v + " is not a number", e);
                }
                if (port < 0 || port > 65_535) {
                    throw new IllegalArgumentException("--port " + v + " is out of range 0..65535");
                }
            }
        }
        return new Options(Optional.ofNullable(config), port == null ? OptionalInt.empty() : OptionalInt.of(port));
    }
}
