package org.pstngw.tdm.spi;

import java.io.Serial;

/** Failure of the TDM layer: unknown driver, invalid span, driver I/O problem. */
public class TdmException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public TdmException(String message) {
        super(message);
    }

    public TdmException(String message, Throwable cause) {
        super(message, cause);
    }
}
