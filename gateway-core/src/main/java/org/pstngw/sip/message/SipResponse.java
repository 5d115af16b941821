package org.pstngw.sip.message;

/** A SIP response: status code, reason phrase and the rest of {@link SipMessage}. */
public final class SipResponse extends BaseMessage implements SipMessage {
    private final int statusCode;
    private final int reasonStart;
    private final int reasonEnd;
    private String reasonPhrase;

    /** A response whose reason phrase is {@code wire.bytes[reasonStart, reasonEnd)}. */
    SipResponse(Wire wire, int statusCode, int reasonStart, int reasonEnd) {
        super(wire);
        this.statusCode = statusCode;
        this.reasonStart = reasonStart;
        this.reasonEnd = reasonEnd;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        String r = reasonPhrase;
        if (r == null) {
            r = Bytes.text(wire.bytes, reasonStart, reasonEnd);
            reasonPhrase = r;
        }
        return r;
    }

    public SipStatus status() {
        return SipStatus.valueOf(statusCode);
    }

    public boolean isProvisional() {
        return statusCode < 200;
    }

    public boolean isFinal() {
        return statusCode >= 200;
    }

    @Override
    public SipMessageBuilder toBuilder() {
        return SipMessageBuilder.from(this);
    }
}
