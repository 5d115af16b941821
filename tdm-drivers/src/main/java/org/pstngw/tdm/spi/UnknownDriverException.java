package org.pstngw.tdm.spi;

import java.io.Serial;
import java.util.List;

/** No {@link TdmDriverProvider} with the requested name is on the class path. */
public final class UnknownDriverException extends TdmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String requested;
    private final transient List<String> known;

    public UnknownDriverException(String requested, List<String> known) {
        super("unknown TDM driver '" + requested + "'; known drivers: " + known);
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
