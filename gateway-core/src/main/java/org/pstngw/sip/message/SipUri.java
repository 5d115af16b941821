package org.pstngw.sip.message;

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
        int restStart = colon + 1;
        int at = text.lastIndexOf('@');
        String user = null;
        String password = null;
        int hostStart = restStart;
        if (at >= restStart) {
            int pc = indexOf(text, ':', restStart, at);
            user = text.substring(restStart, pc < 0 ? at : pc);
            password = pc < 0 ? null : text.substring(pc + 1, at);
            hostStart = at + 1;
        }
        int q = indexOf(text, '?', hostStart, len);
        int mainEnd = q < 0 ? len : q;
        int semi;
        if (hostStart < mainEnd && text.charAt(hostStart) == '[') {
            int rb = indexOf(text, ']', hostStart, mainEnd);
            semi = indexOf(text, ';', rb < 0 ? hostStart : rb, mainEnd);
        } else {
            semi = indexOf(text, ';', hostStart, mainEnd);
        }
        int hostEnd = semi < 0 ? mainEnd : semi;
        Params params = semi < 0 ? Params.EMPTY : new Lexer(text, semi, mainEnd).params();
        String host;
        int port = -1;
        if (hostStart < hostEnd && text.charAt(hostStart) == '[') {
            int end = indexOf(text, ']', hostStart, hostEnd);
            if (end < 0) {
                throw new SipSyntaxException("unterminated IPv6 reference: " + text);
            }
            host = text.substring(hostStart, end + 1);
            if (end + 1 < hostEnd) {
                if (text.charAt(end + 1) != ':') {
                    throw new SipSyntaxException("junk after IPv6 reference: " + text);
                }
                port = parsePort(text, end + 2, hostEnd);
            }
        } else {
            int pc = indexOf(text, ':', hostStart, hostEnd);
            int nameEnd = pc < 0 ? hostEnd : pc;
            if (pc >= 0) {
                port = parsePort(text, pc + 1, hostEnd);
            }
            for (int i = hostStart; i < nameEnd; i++) {
                char c = text.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '.';
                if (!ok) {
                    throw new SipSyntaxException("invalid host in URI: " + text);
                }
            }
            host = text.substring(hostStart, nameEnd);
        }
        if (host.isEmpty()) {
            throw new SipSyntaxException("missing host in URI: " + text);
        }
        List<Param> headers = List.of();
        if (q >= 0) {
            headers = new ArrayList<>(2);
            for (String h : text.substring(q + 1).split("&", -1)) {
                int eq = h.indexOf('=');
                headers.add(eq < 0 ? new Param(h, "") : new Param(h.substring(0, eq), h.substring(eq + 1)));
            }
        }
        return new SipUri(secure, user, password, host, port, params, headers, text);
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The port written in {@code text[from, to)}: 1-5 digits, at most 65535. */
    private static int parsePort(String text, int from, int to) {
        if (from >= to || to - from > 5) {
            throw new SipSyntaxException("invalid port in URI: " + text);
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipSyntaxException("invalid port in URI: " + text);
            }
            v = v * 10 + (c - '0');
        }
        if (v > 65535) {
            throw new SipSyntaxException("port out of range in URI: " + text);
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
