package org.pstngw.sip.transaction.interim;

import java.util.ArrayList;
import java.util.List;

/** A request: method, Request-URI, fields, body. */
@SuppressWarnings("ArrayRecordComponent") // body copied in and out
public record SipRequest(String method, String uri, List<Field> fields, byte[] body) implements SipMessage {
    public SipRequest {
        fields = List.copyOf(fields);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String startLine() {
        return method + " " + uri + " SIP/2.0";
    }

    /** A copy with the first field of {@code name} replaced by {@code value}. */
    public SipRequest withFirst(String name, String value) {
        List<Field> copy = new ArrayList<>(fields);
        for (int i = 0; i < copy.size(); i++) {
            if (SipMessage.canonical(copy.get(i).name()).equals(SipMessage.canonical(name))) {
                copy.set(i, new Field(copy.get(i).name(), value));
                return new SipRequest(method, uri, copy, body);
            }
        }
        return this;
    }
}
