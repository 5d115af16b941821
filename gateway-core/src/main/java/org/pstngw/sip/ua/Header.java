package org.pstngw.sip.ua;

import java.util.Objects;

/** An extra header the application puts on a message (Reason, P-Asserted-Identity, ...). */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isBlank() || name.indexOf(':') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a header: " + name);
        }
    }
}
