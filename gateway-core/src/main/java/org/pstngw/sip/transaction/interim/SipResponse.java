package org.pstngw.sip.transaction.interim;

import java.util.List;

/** A response: status, reason, fields, body. */
@SuppressWarnings("ArrayRecordComponent") // body copied in and out
public record SipResponse(int status, String reason, List<Field> fields, byte[] body) implements SipMessage {
    public SipResponse {
        fields = List.copyOf(fields);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String startLine() {
        return "SIP/2.0 " + status + " " + reason;
    }
}
