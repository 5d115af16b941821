package org.pstngw.sip.message;

/** A defect in a header value, thrown by typed accessors of headers parsed lazily (never by the parser). */
public final class SipSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SipSyntaxException(String message) {
        super(message, null, false, false);
    }
}
