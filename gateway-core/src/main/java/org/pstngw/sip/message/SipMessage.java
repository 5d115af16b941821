package org.pstngw.sip.message;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An immutable SIP message (RFC 3261 7) that keeps its wire bytes. Header fields are indexed once at parse time and
 * their values turned into strings or typed records only when asked. Via, From, To, Call-ID, CSeq, Max-Forwards and
 * Content-Length are checked by the parser, so their accessors never fail on a parsed message; the other typed
 * accessors throw {@link SipSyntaxException} when the asked header is malformed.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {
    /** The start line without CRLF. */
    String startLine();

    /** All header fields in wire order, values unfolded. */
    List<SipHeader> headers();

    /** The value of the first field named {@code name} (case-insensitive, long or compact form). */
    Optional<String> header(String name);

    /** All values of {@code name} in order: fields joined, and comma lists split where the header allows it. */
    List<String> headerValues(String name);

    /** True when a field named {@code name} is present. */
    boolean hasHeader(String name);

    /** A copy of the body (binary-safe). */
    byte[] body();

    int bodyLength();

    /** A copy of the whole message as bytes; for a parsed, unmodified message, exactly the received bytes. */
    byte[] toBytes();

    /** A read-only view of the wire bytes, to write without copying. */
    ByteBuffer wire();

    /** A builder holding this message's start line, fields and body. */
    SipMessageBuilder toBuilder();

    List<Via> vias();

    /** The first Via; present on every parsed message. */
    Via topVia();

    NameAddr from();

    NameAddr to();

    String callId();

    CSeq cseq();

    OptionalInt maxForwards();

    /** Content-Length as written, or the body length when the field is absent (datagrams). */
    int contentLength();

    Optional<MediaType> contentType();

    Optional<ContentDisposition> contentDisposition();

    List<Contact> contacts();

    List<NameAddr> routes();

    List<NameAddr> recordRoutes();

    List<String> require();

    List<String> supported();

    List<String> allow();

    OptionalLong rseq();

    Optional<RAck> rack();

    List<Reason> reasons();

    OptionalLong expires();
}
