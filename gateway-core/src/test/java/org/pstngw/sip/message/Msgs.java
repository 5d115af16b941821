package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

final class Msgs {
    private Msgs() {}

    static final String INVITE = """
            INVITE sip:bob@biloxi.example.com SIP/2.0\r
            Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r
            Via: SIP/2.0/TCP proxy.example.com;branch=z9hG4bKnashds8;received=192.0.2.1;rport=5070;maddr=239.1.1.1;ttl=16\r
            Max-Forwards: 70\r
            To: Bob <sip:bob@biloxi.example.com>\r
            From: "Alice A." <sip:alice@atlanta.example.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r
            CSeq: 314159 INVITE\r
            Contact: <sip:alice@pc33.atlanta.example.com;transport=tcp>;expires=3600;q=0.7\r
            Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r
            Record-Route: <sip:rr.example.com;lr>\r
            Supported: 100rel, timer\r
            Require: 100rel\r
            Allow: INVITE, ACK, CANCEL, BYE, PRACK\r
            Content-Type: application/sdp\r
            Content-Disposition: session;handling=required\r
            X-Custom: keep me\r
            Content-Length: 149\r
            \r
            v=0\r
            o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.example.com\r
            s=-\r
            c=IN IP4 192.0.2.101\r
            t=0 0\r
            m=audio 49172 RTP/AVP 0\r
            a=rtpmap:0 PCMU/8000\r
            """;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static SipMessage parse(String s) {
        ParseResult r = SipParser.parse(bytes(s));
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).message();
    }

    static ParseResult.Malformed malformed(String s) {
        ParseResult r = SipParser.parse(bytes(s));
        assertThat(r).isInstanceOf(ParseResult.Malformed.class);
        return (ParseResult.Malformed) r;
    }
}
