package org.pstngw.sip.transaction;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.pstngw.sip.transaction.interim.MessageSplitter;
import org.pstngw.sip.transaction.interim.SipMessage;
import org.pstngw.sip.transaction.interim.SipRequest;
import org.pstngw.sip.transaction.interim.SipResponse;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.ResponseRouter;
import org.pstngw.sip.transport.StreamFraming;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.transport.ViaStamping;
import org.pstngw.sip.ua.Body;
import org.pstngw.sip.ua.Header;
import org.pstngw.sip.ua.IncomingMessage;
import org.pstngw.sip.ua.RequestSpec;

/**
 * The one place the stack touches the message model: every read of a header, every message it builds. The rest of the
 * stack speaks in these terms, so a change of model is a change here.
 */
public final class SipAdapter {
    private SipAdapter() {}

    /** How streams are cut into messages. */
    public static final StreamFraming FRAMING = MessageSplitter.FRAMING;

    /** What a received datagram or stream message turned out to be. */
    public sealed interface Inbound {
        record Request(SipRequest request) implements Inbound {}

        record Response(SipResponse response) implements Inbound {}

        /** A malformed request: {@code answer} is the 400 to send back (null when it cannot be addressed). */
        @SuppressWarnings("ArrayRecordComponent")
        record BadRequest(String reason, byte[] answer) implements Inbound {}

        /** A malformed response or unreadable bytes: log and drop. */
        record Dropped(String reason) implements Inbound {}
    }

    public static Inbound parse(byte[] bytes) {
        return switch (MessageSplitter.split(bytes)) {
            case MessageSplitter.Result.Parsed p ->
                switch (p.message()) {
                    case SipRequest r -> new Inbound.Request(r);
                    case SipResponse r -> new Inbound.Response(r);
                };
            case MessageSplitter.Result.Malformed m -> {
                if (!m.request()) {
                    yield new Inbound.Dropped("malformed response: " + m.reason());
                }
                SipRequest partial = m.partial();
                if (partial == null
                        || "ACK".equals(partial.method())
                        || partial.value("Via") == null
                        || partial.value("Call-ID") == null) {
                    yield new Inbound.Dropped("malformed request, no 400 possible: " + m.reason());
                }
                SipResponse bad = badRequest(partial, m.reason());
                yield new Inbound.BadRequest(m.reason(), bad.encode());
            }
        };
    }

    private static SipResponse badRequest(SipRequest partial, String reason) {
        List<SipMessage.Field> fields = new ArrayList<>();
        for (String h : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
            for (String v : partial.values(h)) {
                fields.add(new SipMessage.Field(h, v));
            }
        }
        return new SipResponse(400, reason.replace('\r', ' ').replace('\n', ' '), fields, new byte[0]);
    }

    public static byte[] encode(SipMessage m) {
        return m.encode();
    }

    public static String method(SipRequest r) {
        return r.method();
    }

    public static int status(SipResponse r) {
        return r.status();
    }

    public static String requestUri(SipRequest r) {
        return r.uri();
    }

    public static String callId(SipMessage m) {
        return m.value("Call-ID");
    }

    public static long cseq(SipMessage m) {
        return Long.parseLong(m.value("CSeq").trim().split("\\s+", -1)[0]);
    }

    public static String cseqMethod(SipMessage m) {
        return m.value("CSeq").trim().split("\\s+", -1)[1];
    }

    public static String fromTag(SipMessage m) {
        return param(afterUri(m.value("From")), "tag");
    }

    public static String toTag(SipMessage m) {
        return param(afterUri(m.value("To")), "tag");
    }

    /** From without its tag (and other parameters after the address). */
    public static String fromNameAddr(SipMessage m) {
        return withoutParams(m.value("From"));
    }

    public static String toNameAddr(SipMessage m) {
        return withoutParams(m.value("To"));
    }

    public static Optional<String> contact(SipMessage m) {
        String c = m.value("Contact");
        return c == null || c.equals("*") ? Optional.empty() : Optional.of(uriOf(c));
    }

    public static String requestUriFromFrom(SipRequest r) {
        return uriOf(r.value("From"));
    }

    public static List<String> recordRoutes(SipMessage m) {
        return m.values("Record-Route");
    }

    /** The option tags of Require, Supported, Unsupported (lower case). */
    public static List<String> optionTags(SipMessage m, String header) {
        return m.values(header).stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    public static Optional<Long> rseq(SipResponse r) {
        String v = r.value("RSeq");
        if (v == null || !v.trim().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(v.trim()));
    }

    /** RAck as {rseq, cseq}, or empty when missing or malformed. */
    public static Optional<long[]> rack(SipRequest r) {
        String v = r.value("RAck");
        if (v == null) {
            return Optional.empty();
        }
        String[] p = v.trim().split("\\s+", -1);
        if (p.length != 3 || !p[0].matches("\\d{1,10}") || !p[1].matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
    }

    /** The URI inside a name-addr ({@code "A" <sip:a@b;x>;tag=1} gives {@code sip:a@b;x}), or the value itself. */
    public static String uriOf(String nameAddr) {
        String v = nameAddr.trim();
        int lt = v.indexOf('<');
        if (lt >= 0) {
            int gt = v.indexOf('>', lt);
            return gt > lt ? v.substring(lt + 1, gt) : v.substring(lt + 1);
        }
        int semi = v.indexOf(';');
        return semi >= 0 ? v.substring(0, semi) : v;
    }

    private static String afterUri(String nameAddr) {
        int gt = nameAddr.indexOf('>');
        return gt >= 0 ? nameAddr.substring(gt + 1) : nameAddr.substring(Math.max(0, nameAddr.indexOf(';')));
    }

    private static String withoutParams(String nameAddr) {
        int gt = nameAddr.indexOf('>');
        if (gt >= 0) {
            return nameAddr.substring(0, gt + 1).trim();
        }
        int semi = nameAddr.indexOf(';');
        return "<" + (semi >= 0 ? nameAddr.substring(0, semi) : nameAddr).trim() + ">";
    }

    /** Parameters of ";a=b;c" into a map (names lower case, value "" when absent). */
    static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : s.split(";", -1)) {
            String t = p.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0) {
                out.put(t.toLowerCase(Locale.ROOT), "");
            } else {
                out.put(
                        t.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        t.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private static String param(String s, String name) {
        return params(s).get(name);
    }

    /** The top Via as routing reads it. */
    record Via(TransportType transport, String host, OptionalInt port, Map<String, String> params) {
        String sentBy() {
            return host + ":" + port.orElse(transport.defaultPort());
        }
    }

    static Via via(String value) {
        String v = value.trim();
        int space = v.indexOf(' ');
        String protocol = space > 0 ? v.substring(0, space) : v;
        String rest = space > 0 ? v.substring(space + 1).trim() : "";
        String[] proto = protocol.split("/", -1);
        TransportType t =
                TransportType.fromToken(proto.length == 3 ? proto[2] : "UDP").orElse(TransportType.UDP);
        int semi = rest.indexOf(';');
        String sentBy = (semi >= 0 ? rest.substring(0, semi) : rest).trim();
        Map<String, String> params = semi >= 0 ? params(rest.substring(semi)) : Map.of();
        String host = sentBy;
        OptionalInt port = OptionalInt.empty();
        int colon = sentBy.lastIndexOf(':');
        int bracket = sentBy.lastIndexOf(']');
        if (colon > bracket && colon > 0) {
            host = sentBy.substring(0, colon);
            String p = sentBy.substring(colon + 1);
            if (p.matches("\\d{1,5}")) {
                port = OptionalInt.of(Integer.parseInt(p));
            }
        }
        return new Via(t, host, port, params);
    }

    public static String branch(SipMessage m) {
        return via(m.value("Via")).params().get("branch");
    }

    public static ResponseRouter.ViaHop topViaHop(SipMessage m) {
        Via v = via(m.value("Via"));
        String rport = v.params().get("rport");
        OptionalInt rp = rport != null && rport.matches("\\d{1,5}")
                ? OptionalInt.of(Integer.parseInt(rport))
                : OptionalInt.empty();
        return new ResponseRouter.ViaHop(
                v.transport(),
                v.host(),
                v.port(),
                v.params().get("received"),
                rp,
                v.params().get("maddr"));
    }

    public static TransactionKey serverKey(SipRequest r) {
        String top = r.value("Via");
        Via v = via(top);
        return TransactionKey.server(
                v.params().get("branch"), v.sentBy(), r.method(), callId(r), fromTag(r), cseq(r), top);
    }

    /** The client key of a response, or null when its top Via has no branch. */
    public static TransactionKey clientKey(SipResponse r) {
        String branch = branch(r);
        return branch == null ? null : TransactionKey.client(branch, cseqMethod(r));
    }

    /** Adds received and rport to the top Via as 18.2.1 and RFC 3581 ask. */
    public static SipRequest stampVia(SipRequest r, InetSocketAddress source) {
        String top = r.values("Via").getFirst();
        Via v = via(top);
        ViaStamping.Stamp stamp =
                ViaStamping.stamp(v.host(), "".equals(v.params().get("rport")), source);
        if (stamp.isEmpty()) {
            return r;
        }
        String stamped = top;
        if (stamp.rport() != null) {
            stamped = stamped.replaceFirst(";\\s*rport(?=;|$)", ";rport=" + stamp.rport());
        }
        if (stamp.received() != null) {
            stamped = stamped.replaceFirst(";\\s*received=[^;]*", "") + ";received=" + stamp.received();
        }
        String whole = r.value("Via");
        if (whole.equals(top)) {
            return r.withFirst("Via", stamped);
        }
        String original = r.fields().stream()
                .filter(f -> SipMessage.canonical(f.name()).equals("via"))
                .findFirst()
                .orElseThrow()
                .value();
        return r.withFirst("Via", original.replace(top, stamped));
    }

    /** A response to {@code r} (8.2.6): Via, From, Call-ID, CSeq copied, To with {@code toTag} when it had none. */
    public static SipResponse response(SipRequest r, int status, String reason, String toTag) {
        List<SipMessage.Field> fields = new ArrayList<>();
        for (SipMessage.Field f : r.fields()) {
            String n = SipMessage.canonical(f.name());
            if (n.equals("via") || n.equals("from") || n.equals("call-id") || n.equals("cseq")) {
                fields.add(new SipMessage.Field(canonicalName(n), f.value()));
            } else if (n.equals("to")) {
                String to = f.value();
                if (toTag != null && toTag(r) == null && status > 100) {
                    to = to + ";tag=" + toTag;
                }
                fields.add(new SipMessage.Field("To", to));
            } else if (n.equals("record-route") && status > 100 && status < 300) {
                fields.add(new SipMessage.Field("Record-Route", f.value()));
            }
        }
        return new SipResponse(status, reason, fields, new byte[0]);
    }

    private static String canonicalName(String n) {
        return switch (n) {
            case "via" -> "Via";
            case "from" -> "From";
            case "call-id" -> "Call-ID";
            case "cseq" -> "CSeq";
            default -> n;
        };
    }

    public static SipResponse withHeaders(SipResponse r, List<Header> headers, Optional<Body> body) {
        List<SipMessage.Field> fields = new ArrayList<>(r.fields());
        for (Header h : headers) {
            fields.add(new SipMessage.Field(h.name(), h.value()));
        }
        byte[] bytes = r.body();
        if (body.isPresent()) {
            fields.add(new SipMessage.Field("Content-Type", body.get().contentType()));
            bytes = body.get().bytes();
        }
        return new SipResponse(r.status(), r.reason(), fields, bytes);
    }

    /** The ACK for a non-2xx final response (17.1.1.3). */
    public static SipRequest ackForNonSuccess(SipRequest invite, SipResponse response) {
        List<SipMessage.Field> fields = new ArrayList<>();
        fields.add(new SipMessage.Field("Via", invite.values("Via").getFirst()));
        for (String route : invite.values("Route")) {
            fields.add(new SipMessage.Field("Route", route));
        }
        fields.add(new SipMessage.Field("Max-Forwards", "70"));
        fields.add(new SipMessage.Field("From", invite.value("From")));
        fields.add(new SipMessage.Field("To", response.value("To")));
        fields.add(new SipMessage.Field("Call-ID", invite.value("Call-ID")));
        fields.add(new SipMessage.Field("CSeq", cseq(invite) + " ACK"));
        return new SipRequest("ACK", invite.uri(), fields, new byte[0]);
    }

    /** The CANCEL for {@code invite} (9.1). */
    public static SipRequest cancelFor(SipRequest invite) {
        List<SipMessage.Field> fields = new ArrayList<>();
        fields.add(new SipMessage.Field("Via", invite.values("Via").getFirst()));
        for (String route : invite.values("Route")) {
            fields.add(new SipMessage.Field("Route", route));
        }
        fields.add(new SipMessage.Field("Max-Forwards", "70"));
        fields.add(new SipMessage.Field("From", invite.value("From")));
        fields.add(new SipMessage.Field("To", invite.value("To")));
        fields.add(new SipMessage.Field("Call-ID", invite.value("Call-ID")));
        fields.add(new SipMessage.Field("CSeq", cseq(invite) + " CANCEL"));
        return new SipRequest("CANCEL", invite.uri(), fields, new byte[0]);
    }

    public static SipRequest request(RequestSpec s) {
        List<SipMessage.Field> fields = new ArrayList<>();
        fields.add(new SipMessage.Field(
                "Via",
                "SIP/2.0/" + s.viaTransport().viaToken() + " " + s.viaHost() + ":" + s.viaPort() + ";branch="
                        + s.branch() + ";rport"));
        for (String route : s.routes()) {
            fields.add(new SipMessage.Field("Route", route));
        }
        fields.add(new SipMessage.Field("Max-Forwards", "70"));
        fields.add(new SipMessage.Field("From", s.from() + ";tag=" + s.fromTag()));
        fields.add(new SipMessage.Field("To", s.toTag() == null ? s.to() : s.to() + ";tag=" + s.toTag()));
        fields.add(new SipMessage.Field("Call-ID", s.callId()));
        fields.add(new SipMessage.Field("CSeq", s.cseq() + " " + s.method()));
        if (s.contact() != null) {
            fields.add(new SipMessage.Field("Contact", s.contact()));
        }
        for (Header h : s.headers()) {
            fields.add(new SipMessage.Field(h.name(), h.value()));
        }
        byte[] body = new byte[0];
        if (s.body().isPresent()) {
            fields.add(new SipMessage.Field("Content-Type", s.body().get().contentType()));
            body = s.body().get().bytes();
        }
        return new SipRequest(s.method(), s.requestUri(), fields, body);
    }

    /**
     * Where a request to {@code uri} goes (8.1.2 without DNS SRV/NAPTR): host and port of the URI ({@code maddr}
     * first), transport from {@code ;transport=}, TLS for sips.
     */
    public static Flow flowFor(String uri) {
        String u = uri.indexOf('<') >= 0 ? uriOf(uri) : uri.trim();
        boolean sips = u.regionMatches(true, 0, "sips:", 0, 5);
        String rest = u.substring(u.indexOf(':') + 1);
        int at = rest.indexOf('@');
        String hostPart = at >= 0 ? rest.substring(at + 1) : rest;
        int semi = hostPart.indexOf(';');
        Map<String, String> params = semi >= 0 ? params(hostPart.substring(semi)) : Map.of();
        String hostPort = semi >= 0 ? hostPart.substring(0, semi) : hostPart;
        int q = hostPort.indexOf('?');
        if (q >= 0) {
            hostPort = hostPort.substring(0, q);
        }
        TransportType t = sips
                ? TransportType.TLS
                : TransportType.fromToken(params.get("transport")).orElse(TransportType.UDP);
        String host = hostPort;
        int port = t.defaultPort();
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']') && colon > 0) {
            host = hostPort.substring(0, colon);
            port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        if (params.containsKey("maddr")) {
            host = params.get("maddr");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Flow(t, new InetSocketAddress(host, port));
    }

    /** The application's view of a received message. */
    public static IncomingMessage view(SipMessage m) {
        return new IncomingMessage() {
            @Override
            public String method() {
                return m instanceof SipRequest r ? r.method() : cseqMethod(m);
            }

            @Override
            public int status() {
                return m instanceof SipResponse r ? r.status() : 0;
            }

            @Override
            public String requestUri() {
                return m instanceof SipRequest r ? r.uri() : "";
            }

            @Override
            public List<String> headers(String name) {
                return m.values(name);
            }

            @Override
            public Optional<Body> body() {
                byte[] b = m.body();
                if (b.length == 0) {
                    return Optional.empty();
                }
                String type = m.value("Content-Type");
                return Optional.of(new Body(type == null ? "application/octet-stream" : type, b));
            }

            @Override
            public String toString() {
                return new String(m.encode(), StandardCharsets.UTF_8);
            }
        };
    }
}
