package org.pstngw.sip.message;

/** RAck (RFC 3262 7.2): response number, CSeq number and method of the acknowledged reliable provisional. */
public record RAck(long rseq, long cseq, SipMethod method) {
    public static RAck parse(String value) {
        String[] p = value.strip().split("[ \\t]+", -1);
        if (p.length != 3) {
            throw new SipSyntaxException("invalid RAck: " + value);
        }
        try {
            return new RAck(Long.parseLong(p[0]), Long.parseLong(p[1]), SipMethod.valueOf(p[2]));
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("invalid RAck number: " + value);
        }
    }

    @Override
    public String toString() {
        return rseq + " " + cseq + " " + method;
    }
}
