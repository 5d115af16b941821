package org.pstngw.sip.message;

/** {@link Contact} values parsed on the wire bytes (kept out of the public interface). */
final class Contacts {
    private Contacts() {}

    /** Checks the Contact value {@code b[from, to)} ({@code *} or an address); returns it when {@code build}. */
    static Contact parse(byte[] b, int from, int to, boolean build) {
        int e = Bytes.stripEnd(b, from, to);
        int s = Bytes.stripStart(b, from, e);
        if (e - s == 1 && b[s] == '*') {
            return build ? new Contact.Star() : null;
        }
        NameAddr a = NameAddr.parse(b, from, to, build);
        return build ? new Contact.Address(a) : null;
    }
}
