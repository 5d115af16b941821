package org.pstngw.tdm.spi;

/** Line code of a span. HDB3 and AMI are E1 codes; B8ZS and AMI are T1 codes. */
public enum LineCode {
    HDB3,
    AMI,
    B8ZS;

    /** Whether this line code is used on spans of the given type. */
    public boolean appliesTo(SpanType type) {
        return switch (this) {
            case HDB3 -> type == SpanType.E1;
            case B8ZS -> type == SpanType.T1;
            case AMI -> true;
        };
    }
}
