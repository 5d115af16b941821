/**
 * The SIP message model and codec (RFC 3261 7, 19, 20, 25; RFC 3581; RFC 3262; RFC 3326; RFC 3966), free of Netty.
 *
 * <ul>
 *   <li>{@link org.pstngw.sip.message.SipParser#parse(byte[])} parses one datagram into a sealed
 *       {@link org.pstngw.sip.message.ParseResult}: {@code Parsed(SipMessage)} or {@code Malformed(reason, status,
 *       request, partialRequest)}; {@link org.pstngw.sip.message.SipResponses#answer} turns a malformed request into
 *       its 400 (or 505) when Via, From, To, Call-ID and CSeq were readable.
 *   <li>{@link org.pstngw.sip.message.StreamFramer} cuts a TCP/TLS byte stream into messages (Content-Length
 *       mandatory, explicit {@link org.pstngw.sip.message.SipLimits}, keep-alive pings counted).
 *   <li>{@link org.pstngw.sip.message.SipMessage} ({@code SipRequest}, {@code SipResponse}) keeps its wire bytes;
 *       typed accessors ({@code topVia()}, {@code from()}, {@code cseq()}, {@code contacts()}, ...) parse on demand;
 *       {@code toBuilder()} / {@link org.pstngw.sip.message.SipMessageBuilder} make changed copies.
 *   <li>{@link org.pstngw.sip.message.SipResponses#create} builds a response per RFC 3261 8.2.6.
 * </ul>
 */
package org.pstngw.sip.message;
