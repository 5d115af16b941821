package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sip or sips URI (RFC 3261 19.1.1). Parts are kept as written; {@link #user()} and friends decode %HH escapes on
 * access, {@link #raw()} re-serialises the original text.
 *
 * <pre>
 * SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
 * userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
 * </pre>
 */
public record SipUri(
        boolean secure,
        String rawUser,
        String rawPassword,
        String host,
        int port,
        Params params,
        List<Param> headers,
        String raw)
        implements Uri {

    public SipUri {
        headers = List.copyOf(headers);
    }

    public static SipUri parse(String text) {
        int colon = text.indexOf(':');
        boolean secure;
        if (colon == 4 && text.regionMatches(true, 0, "sips", 0, 4)) {
            secure = true;
        } else if (colon == 3 && text.regionMatches(true, 0, "sip", 0, 3)) {
            secure = false;
        } else {
            throw new SipSyntaxException("not a SIP URI: " + text);
        }
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7f) {
                throw new SipSyntaxException("invalid character in URI: " + text);
            }
        }
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return parse(b, 0, colon, b.length, secure, true, text);
    }

    /** Bytes a SIP URI may hold that delimit nothing: printable ASCII but for {@code @:?;<>"}. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = '!'; c < 0x7f; c++) {
            PLAIN[c] = "@:?;<>\"".indexOf(c) < 0;
        }
    }

    /**
     * Parses {@code b[s, e)}, a sip or sips URI whose scheme ends at {@code colon}; returns it when {@code build}, else
     * null. One pass over the rest checks its characters (whitespace first: any is "whitespace in URI"; then anything
     * not printable ASCII or one of {@code <>"}) and finds the delimiters. {@code raw} is its text when the caller has
     * it, else null.
     */
    static SipUri parse(byte[] b, int s, int colon, int e, boolean secure, boolean build, String raw) {
        int restStart = colon + 1;
        boolean invalid = false;
        int at = -1;
        int firstColon = -1;
        int colonAfterAt = -1;
        int qAfterAt = -1;
        int semiAfterAt = -1;
        for (int i = restStart; i < e; i++) {
            int c = b[i] & 0xff;
            if (PLAIN[c]) {
                continue;
            }
            switch (c) {
                case '@' -> {
                    at = i;
                    colonAfterAt = -1;
                    qAfterAt = -1;
                    semiAfterAt = -1;
                }
                case ':' -> {
                    firstColon = firstColon < 0 ? i : firstColon;
                    colonAfterAt = colonAfterAt < 0 ? i : colonAfterAt;
                }
                case '?' -> qAfterAt = qAfterAt < 0 ? i : qAfterAt;
                case ';' -> semiAfterAt = semiAfterAt < 0 ? i : semiAfterAt;
                default -> {
                    if (c <= ' ') {
                        throw new SipSyntaxException("whitespace in URI: " + text(b, s, e, raw));
                    }
                    invalid = true;
                }
            }
        }
        if (invalid) {
            throw new SipSyntaxException("invalid character in URI: " + text(b, s, e, raw));
        }
        int hostStart = at >= 0 ? at + 1 : restStart;
        int pc = firstColon >= 0 && firstColon < at ? firstColon : -1;
        int q = qAfterAt;
        int mainEnd = q < 0 ? e : q;
        int semi;
        if (hostStart < mainEnd && b[hostStart] == '[') {
            int rb = Bytes.indexOf(b, ']', hostStart, mainEnd);
            semi = Bytes.indexOf(b, ';', rb < 0 ? hostStart : rb, mainEnd);
        } else {
            semi = semiAfterAt >= 0 && semiAfterAt < mainEnd ? semiAfterAt : -1;
        }
        int hostEnd = semi < 0 ? mainEnd : semi;
        Params params = semi < 0 ? Params.EMPTY : new Lexer(b, semi, mainEnd).params(build);
        int nameEnd;
        int port = -1;
        if (hostStart < hostEnd && b[hostStart] == '[') {
            int rb = Bytes.indexOf(b, ']', hostStart, hostEnd);
            if (rb < 0) {
                throw new SipSyntaxException("unterminated IPv6 reference: " + text(b, s, e, raw));
            }
            nameEnd = rb + 1;
            if (nameEnd < hostEnd) {
                if (b[nameEnd] != ':') {
                    throw new SipSyntaxException("junk after IPv6 reference: " + text(b, s, e, raw));
                }
                port = parsePort(b, s, e, nameEnd + 1, hostEnd);
            }
        } else {
            int hc = colonAfterAt >= 0 && colonAfterAt < hostEnd ? colonAfterAt : -1;
            nameEnd = hc < 0 ? hostEnd : hc;
            if (hc >= 0) {
                port = parsePort(b, s, e, hc + 1, hostEnd);
            }
            for (int i = hostStart; i < nameEnd; i++) {
                int c = b[i];
                boolean ok = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '.';
                if (!ok) {
                    throw new SipSyntaxException("invalid host in URI: " + text(b, s, e, raw));
                }
            }
        }
        if (nameEnd == hostStart) {
            throw new SipSyntaxException("missing host in URI: " + text(b, s, e, raw));
        }
        if (!build) {
            return null;
        }
        List<Param> headers = List.of();
        if (q >= 0) {
            headers = new ArrayList<>(2);
            int h = q + 1;
            while (true) {
                int amp = Bytes.indexOf(b, '&', h, e);
                int he = amp < 0 ? e : amp;
                int eq = Bytes.indexOf(b, '=', h, he);
                headers.add(
                        eq < 0
                                ? new Param(Bytes.text(b, h, he), "")
                                : new Param(Bytes.text(b, h, eq), Bytes.text(b, eq + 1, he)));
                if (amp < 0) {
                    break;
                }
                h = amp + 1;
            }
        }
        String user = at < 0 ? null : Bytes.text(b, restStart, pc < 0 ? at : pc);
        String password = pc < 0 ? null : Bytes.text(b, pc + 1, at);
        return new SipUri(
                secure, user, password, Bytes.text(b, hostStart, nameEnd), port, params, headers, text(b, s, e, raw));
    }

    private static String text(byte[] b, int s, int e, String raw) {
        return raw != null ? raw : Bytes.text(b, s, e);
    }

    /** True when the checked sip or sips URI {@code b[s, e)} has headers ({@code ?...} after the host). */
    static boolean hasHeaders(byte[] b, int s, int e) {
        int colon = Bytes.indexOf(b, ':', s, e);
        boolean sip = (colon - s == 3 && Bytes.isIgnoreCase(b, s, colon, "sip"))
                || (colon - s == 4 && Bytes.isIgnoreCase(b, s, colon, "sips"));
        if (!sip) {
            return false;
        }
        int at = Bytes.lastIndexOf(b, '@', colon + 1, e);
        return Bytes.indexOf(b, '?', at >= 0 ? at + 1 : colon + 1, e) >= 0;
    }

    /** The port written in {@code b[from, to)}: 1-5 digits, at most 65535; errors show the URI {@code b[s, e)}. */
    private static int parsePort(byte[] b, int s, int e, int from, int to) {
        if (from >= to || to - from > 5) {
            throw new SipSyntaxException("invalid port in URI: " + Bytes.text(b, s, e));
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                throw new SipSyntaxException("invalid port in URI: " + Bytes.text(b, s, e));
            }
            v = v * 10 + (c - '0');
        }
        if (v > 65535) {
            throw new SipSyntaxException("port out of range in URI: " + Bytes.text(b, s, e));
        }
        return v;
    }

    /** Builds a URI from parts (user unescaped text is escaped where needed). */
    public static SipUri of(String user, String host, int port) {
        StringBuilder sb = new StringBuilder("sip:");
        if (user != null) {
            sb.append(user).append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        return parse(sb.toString());
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** The user part with escapes decoded, or null. */
    public String user() {
        return rawUser == null ? null : Uri.unescape(rawUser);
    }

    /** The password with escapes decoded, or null. */
    public String password() {
        return rawPassword == null ? null : Uri.unescape(rawPassword);
    }

    /** The port, or {@code -1} when none is written. */
    public int portOrDefault() {
        return port >= 0 ? port : secure ? 5061 : 5060;
    }

    /** The value of URI parameter {@code name} with escapes decoded; null when absent or a flag. */
    public String param(String name) {
        for (Param p : params.list()) {
            if (Uri.unescape(p.name()).equalsIgnoreCase(name)) {
                return p.value() == null ? null : Uri.unescape(p.value());
            }
        }
        return null;
    }

    public String transport() {
        return param("transport");
    }

    public boolean lr() {
        return params.has("lr");
    }

    public String maddr() {
        return param("maddr");
    }

    /** The same URI with parameter {@code name} replaced or added. */
    public SipUri withParam(String name, String value) {
        List<Param> ps = new ArrayList<>(params.list());
        ps.removeIf(p -> p.name().equalsIgnoreCase(name));
        ps.add(new Param(name, value));
        return rebuild(new Params(ps), headers);
    }

    /** The same URI without parameter {@code name} and without headers (a Request-URI from a route, 12.2.1.1). */
    public SipUri withoutParamAndHeaders(String name) {
        List<Param> ps = new ArrayList<>(params.list());
        ps.removeIf(p -> Uri.unescape(p.name()).equalsIgnoreCase(name));
        return rebuild(new Params(ps), List.of());
    }

    /** The same URI without any parameter or header (e.g. to compare or build a To). */
    public SipUri withoutParamsAndHeaders() {
        return rebuild(Params.EMPTY, List.of());
    }

    private SipUri rebuild(Params ps, List<Param> hs) {
        StringBuilder sb = new StringBuilder(scheme()).append(':');
        if (rawUser != null) {
            sb.append(rawUser);
            if (rawPassword != null) {
                sb.append(':').append(rawPassword);
            }
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(ps);
        for (int i = 0; i < hs.size(); i++) {
            sb.append(i == 0 ? '?' : '&')
                    .append(hs.get(i).name())
                    .append('=')
                    .append(hs.get(i).value());
        }
        return parse(sb.toString());
    }

    /** RFC 3261 19.1.4 URI comparison. */
    @Override
    public boolean equivalent(Uri other) {
        if (!(other instanceof SipUri o) || o.secure != secure) {
            return false;
        }
        if (!Objects.equals(user(), o.user()) || !Objects.equals(password(), o.password())) {
            return false;
        }
        if (!host.equalsIgnoreCase(o.host) || port != o.port) {
            return false;
        }
        for (String must : new String[] {"user", "ttl", "method", "maddr", "transport"}) {
            if (params.has(must) != o.params.has(must)) {
                return false;
            }
        }
        for (Param p : params.list()) {
            var q = o.params.find(p.name());
            if (q.isPresent() && !eqIgnoreCase(unesc(p.value()), unesc(q.get().value()))) {
                return false;
            }
        }
        if (headers.size() != o.headers.size()) {
            return false;
        }
        for (Param h : headers) {
            boolean found = false;
            for (Param g : o.headers) {
                if (g.name().equalsIgnoreCase(h.name())
                        && Uri.unescape(g.value()).equals(Uri.unescape(h.value()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String unesc(String s) {
        return s == null ? null : Uri.unescape(s);
    }

    private static boolean eqIgnoreCase(String a, String b) {
        return a == null ? b == null : b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return raw;
    }
}
