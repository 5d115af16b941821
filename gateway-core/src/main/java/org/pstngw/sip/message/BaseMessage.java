package org.pstngw.sip.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What requests and responses share: the wire, the header index and caches of the typed headers. A parsed message
 * was checked by {@link Validator} without building anything; its typed headers are built on first access, from the
 * same code that checked them, so that they cannot fail then.
 */
abstract sealed class BaseMessage permits SipRequest, SipResponse {
    final Wire wire;
    /** Set by the parser once every checked header has passed: the accessors may then parse only what they return. */
    boolean checked;

    List<Via> vias;
    Via topVia;
    NameAddr from;
    NameAddr to;
    CSeq cseq;
    List<Contact> contacts;

    BaseMessage(Wire wire) {
        this.wire = wire;
    }

    public String startLine() {
        return wire.startLine();
    }

    public List<SipHeader> headers() {
        List<SipHeader> out = new ArrayList<>(wire.count);
        for (int i = 0; i < wire.count; i++) {
            out.add(new SipHeader(wire.name(i), wire.value(i)));
        }
        return Collections.unmodifiableList(out);
    }

    private static char compact(String longName) {
        String c = HeaderNames.compactOf(longName);
        return c == null ? 0 : c.charAt(0);
    }

    public Optional<String> header(String name) {
        String l = HeaderNames.longForm(name);
        int i = wire.find(l, compact(l), 0);
        return i < 0 ? Optional.empty() : Optional.of(wire.value(i));
    }

    public boolean hasHeader(String name) {
        String l = HeaderNames.longForm(name);
        return wire.find(l, compact(l), 0) >= 0;
    }

    public List<String> headerValues(String name) {
        String l = HeaderNames.longForm(name);
        return values(l, compact(l), HeaderNames.isList(l));
    }

    private static final Wire.ElementParser<String> TEXT = (b, s, e, build) -> Bytes.text(b, s, e);

    /** The values of a header whose long name, compact letter and list-ness the caller knows. */
    private List<String> values(String l, char c, boolean list) {
        if (list) {
            return new ArrayList<>(wire.elements(wire.find(l, c, 0), l, c, TEXT, Integer.MAX_VALUE));
        }
        List<String> out = new ArrayList<>(2);
        for (int i = wire.find(l, c, 0); i >= 0; i = wire.find(l, c, i + 1)) {
            out.add(wire.strippedValue(i));
        }
        return out;
    }

    String first(String longName, char compact) {
        int i = wire.find(longName, compact, 0);
        return i < 0 ? null : wire.value(i);
    }

    /** The parsed values of a list header, in order. */
    <T> List<T> typed(String longName, char compact, Wire.ElementParser<T> parser) {
        return wire.elements(wire.find(longName, compact, 0), longName, compact, parser, Integer.MAX_VALUE);
    }

    public byte[] body() {
        return Arrays.copyOfRange(wire.bytes, wire.bodyStart, wire.bodyEnd);
    }

    public int bodyLength() {
        return wire.bodyEnd - wire.bodyStart;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(wire.bytes, wire.bodyEnd);
    }

    public ByteBuffer wire() {
        return ByteBuffer.wrap(wire.bytes, 0, wire.bodyEnd).asReadOnlyBuffer();
    }

    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            v = wire.elements(
                    wire.census.via, wire.census.viaCount, HeaderNames.VIA, 'v', Via::parse, Integer.MAX_VALUE);
            vias = v;
        }
        return v;
    }

    public Via topVia() {
        Via t = topVia;
        if (t == null) {
            List<Via> v = checked && vias == null
                    ? wire.elements(wire.census.via, wire.census.viaCount, HeaderNames.VIA, 'v', Via::parse, 1)
                    : vias();
            if (v.isEmpty()) {
                throw new SipSyntaxException("missing Via");
            }
            t = v.get(0);
            topVia = t;
        }
        return t;
    }

    public NameAddr from() {
        NameAddr f = from;
        if (f == null) {
            f = wire.field(required(wire.census.from, HeaderNames.FROM), NameAddr::parse, true);
            from = f;
        }
        return f;
    }

    public NameAddr to() {
        NameAddr t = to;
        if (t == null) {
            t = wire.field(required(wire.census.to, HeaderNames.TO), NameAddr::parse, true);
            to = t;
        }
        return t;
    }

    public String callId() {
        return wire.strippedValue(required(wire.census.callId, HeaderNames.CALL_ID));
    }

    public CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            c = wire.field(required(wire.census.cseq, HeaderNames.CSEQ), CSEQ, true);
            cseq = c;
        }
        return c;
    }

    private static final Wire.ElementParser<CSeq> CSEQ = (b, s, e, build) -> CSeq.parse(b, s, e);

    private static int required(int field, String name) {
        if (field < 0) {
            throw new SipSyntaxException("missing " + name);
        }
        return field;
    }

    public OptionalInt maxForwards() {
        String v = first(HeaderNames.MAX_FORWARDS, (char) 0);
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v.strip()));
    }

    public int contentLength() {
        String v = first(HeaderNames.CONTENT_LENGTH, 'l');
        return v == null ? bodyLength() : Integer.parseInt(v.strip());
    }

    public Optional<MediaType> contentType() {
        String v = first(HeaderNames.CONTENT_TYPE, 'c');
        return v == null ? Optional.empty() : Optional.of(MediaType.parse(v));
    }

    public Optional<ContentDisposition> contentDisposition() {
        String v = first(HeaderNames.CONTENT_DISPOSITION, (char) 0);
        return v == null ? Optional.empty() : Optional.of(ContentDisposition.parse(v));
    }

    public List<Contact> contacts() {
        List<Contact> c = contacts;
        if (c == null) {
            c = wire.elements(
                    wire.census.contact,
                    wire.census.contactCount,
                    HeaderNames.CONTACT,
                    'm',
                    Contacts::parse,
                    Integer.MAX_VALUE);
            contacts = c;
        }
        return c;
    }

    public List<NameAddr> routes() {
        return typed(HeaderNames.ROUTE, (char) 0, NameAddr::parse);
    }

    public List<NameAddr> recordRoutes() {
        return typed(HeaderNames.RECORD_ROUTE, (char) 0, NameAddr::parse);
    }

    public List<String> require() {
        return values(HeaderNames.REQUIRE, (char) 0, true);
    }

    public List<String> supported() {
        return values(HeaderNames.SUPPORTED, 'k', true);
    }

    public List<String> allow() {
        return values(HeaderNames.ALLOW, (char) 0, true);
    }

    public OptionalLong rseq() {
        return number(HeaderNames.RSEQ);
    }

    public Optional<RAck> rack() {
        String v = first(HeaderNames.RACK, (char) 0);
        return v == null ? Optional.empty() : Optional.of(RAck.parse(v));
    }

    public List<Reason> reasons() {
        return typed(HeaderNames.REASON, (char) 0, (b, s, e, build) -> Reason.parse(Bytes.text(b, s, e)));
    }

    public OptionalLong expires() {
        return number(HeaderNames.EXPIRES);
    }

    private OptionalLong number(String name) {
        String v = first(name, (char) 0);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("invalid " + name + ": " + v);
        }
    }

    /** True when Via, From, To, Call-ID and CSeq are all present (enough to address a response). */
    boolean hasAnswerHeaders() {
        return wire.find(HeaderNames.VIA, 'v', 0) >= 0
                && wire.find(HeaderNames.FROM, 'f', 0) >= 0
                && wire.find(HeaderNames.TO, 't', 0) >= 0
                && wire.find(HeaderNames.CALL_ID, 'i', 0) >= 0
                && wire.find(HeaderNames.CSEQ, (char) 0, 0) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaseMessage m
                && m.getClass() == getClass()
                && Arrays.equals(wire.bytes, 0, wire.bodyEnd, m.wire.bytes, 0, m.wire.bodyEnd);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.copyOf(wire.bytes, wire.bodyEnd));
    }

    @Override
    public String toString() {
        return startLine();
    }
}
