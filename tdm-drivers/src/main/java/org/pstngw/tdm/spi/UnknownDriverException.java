package org.pstngw.tdm.spi;

import java.io.Serial;
import java.util.List;

/**
 * No {@link TdmDriverProvider} with the requested name is on the class path. The message names it and the drivers
 * that are: {@code driver "dahdi" is not available in this build; available: loopback, pseudowire}.
 */
public final class UnknownDriverException extends TdmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String requested;
    private final transient List<String> known;

    public UnknownDriverException(String requested, List<String> known) {
        super("driver \"" + requested + "\" is not available in this build; available: " + String.join(", ", known));
        this.requested = requested;
        this.known = List.copyOf(known);
    }

    public String requested() {
        return requested;
    }

    public List<String> known() {
        return known;
    }
}
