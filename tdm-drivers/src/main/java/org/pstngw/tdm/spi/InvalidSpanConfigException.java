package org.pstngw.tdm.spi;

import java.io.Serial;
import java.util.List;

/** Thrown when a span is opened with a configuration that {@link SpanConfig#validate()} rejects. */
public final class InvalidSpanConfigException extends TdmException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<SpanConfigError> errors;

    public InvalidSpanConfigException(List<SpanConfigError> errors) {
        super("invalid span configuration: " + errors);
        this.errors = List.copyOf(errors);
    }

    /** Every defect found, each naming the span and field. */
    public List<SpanConfigError> errors() {
        return errors;
    }
}
