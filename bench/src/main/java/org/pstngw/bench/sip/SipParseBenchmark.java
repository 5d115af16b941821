package org.pstngw.bench.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipParser;

/**
 * Parse + re-serialise a typical INVITE with SDP (981 bytes: 15 header fields, two Vias, a quoted display name, a
 * 262-byte SDP body): our codec against JAIN-SIP RI's {@code StringMsgParser}, one thread, same message, same run.
 *
 * <p>Each operation parses the bytes into a message and produces the message as a new byte array: ours with all its
 * checks (start line, framing, Via, From, To, Call-ID, CSeq, Max-Forwards, Contact, Request-URI) and
 * {@code toBytes()}, which copies the wire bytes the message keeps (an immutable message keeps its bytes and parses
 * what is asked for); JAIN-SIP's {@code parseSIPMessage} and {@code encodeAsBytes}, which rebuilds the text from its
 * object model. The {@code *Touch} variants also read what a transaction and dialog layer reads (top Via branch,
 * CSeq number and method, Call-ID, From and To tags), so that parsing lazily is not flattering. Every result goes to a
 * {@link Blackhole} (or is returned, which JMH consumes). {@link #setUp} checks that both parsers read the same values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SipParseBenchmark {
    static final String INVITE = "INVITE sip:+4930123456@gw.example.net;user=phone SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK74bf9a1c2d3e;rport\r\n"
            + "Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK55aa77cc;received=198.51.100.7\r\n"
            + "Max-Forwards: 69\r\n"
            + "From: \"Alice Caller\" <sip:+4940555000@carrier.example.com;user=phone>;tag=9fxced76sl\r\n"
            + "To: <sip:+4930123456@gw.example.net;user=phone>\r\n"
            + "Call-ID: 3848276298220188511@carrier.example.com\r\n"
            + "CSeq: 31862 INVITE\r\n"
            + "Contact: <sip:+4940555000@192.0.2.10:5060;transport=udp>\r\n"
            + "Record-Route: <sip:198.51.100.7;lr>\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, PRACK, UPDATE, INFO, OPTIONS\r\n"
            + "Supported: 100rel, timer\r\n"
            + "Session-Expires: 1800\r\n"
            + "User-Agent: carrier-sbc/4.2\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 262\r\n"
            + "\r\n"
            + "v=0\r\n"
            + "o=sbc 1736526442 1736526442 IN IP4 192.0.2.10\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 30000 RTP/AVP 8 0 18 101\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:18 G729/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n"
            + "a=ptime:20\r\n"
            + "a=sendrecv\r\n";

    private byte[] bytes;
    private StringMsgParser jain;

    @Setup
    public void setUp() throws ParseException {
        bytes = INVITE.getBytes(StandardCharsets.US_ASCII);
        jain = new StringMsgParser();
        if (!(SipParser.parse(bytes) instanceof ParseResult.Parsed p)) {
            throw new IllegalStateException("benchmark message does not parse");
        }
        SipMessage m = p.message();
        SIPRequest j = (SIPRequest) jain.parseSIPMessage(bytes, true, false, null);
        List<Object> ours = List.of(
                m.topVia().branch(),
                m.cseq().number(),
                m.cseq().method().name(),
                m.callId(),
                m.from().tag(),
                "");
        List<Object> theirs = List.of(
                j.getTopmostVia().getBranch(),
                j.getCSeq().getSeqNumber(),
                j.getCSeq().getMethod(),
                j.getCallId().getCallId(),
                j.getFromTag(),
                j.getToTag() == null ? "" : j.getToTag());
        if (!ours.equals(theirs) || m.to().tag() != null || m.toBytes().length != bytes.length) {
            throw new IllegalStateException("the parsers disagree: " + ours + " vs " + theirs);
        }
        if (j.getViaHeaders().size() != m.vias().size() || j.getContentLength().getContentLength() != m.bodyLength()) {
            throw new IllegalStateException("the parsers disagree on Vias or body");
        }
    }

    @Benchmark
    public byte[] pstngwParseSerialize() {
        ParseResult r = SipParser.parse(bytes);
        return ((ParseResult.Parsed) r).message().toBytes();
    }

    @Benchmark
    public byte[] pstngwParseTouchSerialize(Blackhole bh) {
        SipMessage m = ((ParseResult.Parsed) SipParser.parse(bytes)).message();
        bh.consume(m.topVia().branch());
        bh.consume(m.cseq().number());
        bh.consume(m.cseq().method());
        bh.consume(m.callId());
        bh.consume(m.from().tag());
        bh.consume(m.to().tag());
        return m.toBytes();
    }

    @Benchmark
    public byte[] jainSipParseSerialize() throws ParseException {
        SIPMessage m = jain.parseSIPMessage(bytes, true, false, null);
        return m.encodeAsBytes("UDP");
    }

    @Benchmark
    public byte[] jainSipParseTouchSerialize(Blackhole bh) throws ParseException {
        SIPRequest m = (SIPRequest) jain.parseSIPMessage(bytes, true, false, null);
        bh.consume(m.getTopmostVia().getBranch());
        bh.consume(m.getCSeq().getSeqNumber());
        bh.consume(m.getCSeq().getMethod());
        bh.consume(m.getCallId().getCallId());
        bh.consume(m.getFromTag());
        bh.consume(m.getToTag());
        return m.encodeAsBytes("UDP");
    }
}
