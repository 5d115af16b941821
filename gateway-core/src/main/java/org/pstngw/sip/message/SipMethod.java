package org.pstngw.sip.message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SIP method as an open enum (RFC 3261 7.1, methods are case-sensitive tokens): the known methods are constants and
 * an unknown method is still a value that passes through.
 */
public final class SipMethod {
    private static final Map<String, SipMethod> KNOWN = new ConcurrentHashMap<>();

    public static final SipMethod INVITE = known("INVITE");
    public static final SipMethod ACK = known("ACK");
    public static final SipMethod BYE = known("BYE");
    public static final SipMethod CANCEL = known("CANCEL");
    public static final SipMethod OPTIONS = known("OPTIONS");
    public static final SipMethod REGISTER = known("REGISTER");
    public static final SipMethod PRACK = known("PRACK");
    public static final SipMethod INFO = known("INFO");
    public static final SipMethod UPDATE = known("UPDATE");
    public static final SipMethod SUBSCRIBE = known("SUBSCRIBE");
    public static final SipMethod NOTIFY = known("NOTIFY");
    public static final SipMethod REFER = known("REFER");
    public static final SipMethod MESSAGE = known("MESSAGE");
    public static final SipMethod PUBLISH = known("PUBLISH");

    private static final SipMethod[] BY_BYTES = {
        INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, INFO, UPDATE, SUBSCRIBE, NOTIFY, REFER, MESSAGE, PUBLISH
    };

    private final String name;
    private final byte[] bytes;
    private final boolean known;

    private SipMethod(String name, boolean known) {
        this.name = name;
        this.bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.known = known;
    }

    /** The method spelled by {@code in[s, e)} (a token, so ASCII); a known one is found without building a string. */
    static SipMethod of(byte[] in, int s, int e) {
        int n = e - s;
        for (SipMethod m : BY_BYTES) {
            if (m.bytes.length == n && java.util.Arrays.equals(m.bytes, 0, n, in, s, e)) {
                return m;
            }
        }
        return valueOf(new String(in, s, n, java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static SipMethod known(String name) {
        SipMethod m = new SipMethod(name, true);
        KNOWN.put(name, m);
        return m;
    }

    /** The method named {@code name} (case-sensitive); never throws for an unknown token. */
    public static SipMethod valueOf(String name) {
        SipMethod m = KNOWN.get(name);
        return m != null ? m : new SipMethod(name, false);
    }

    public String name() {
        return name;
    }

    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipMethod m && m.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
