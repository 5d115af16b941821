package org.pstngw.sip.transaction;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh tags, branches and Call-IDs: 64 or 96 random bits in hex (RFC 3261 19.3 asks for at least 32). */
public final class Ids {
    private Ids() {}

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String tag() {
        return hex(8);
    }

    /** A branch starting with the magic cookie. */
    public static String branch() {
        return TransactionKey.MAGIC_COOKIE + hex(12);
    }

    public static String callId(String host) {
        return hex(12) + "@" + host;
    }
}
