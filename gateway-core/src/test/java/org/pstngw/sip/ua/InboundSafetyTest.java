package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.UDP;
import static org.pstngw.sip.ua.UaHarness.invite;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken peer cannot do to the UAS: choose where responses go (RFC 3261 18.2.1, RFC 3581 4), or
 * make two calls share a transaction by reusing a branch under another Call-ID.
 */
class InboundSafetyTest {

    private final List<String> calls = new ArrayList<>();
    private final UaHarness h = new UaHarness(c -> calls.add(c.callId()));

    private static String options(String callId, String viaParams) {
        return """
                OPTIONS sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-%s%s
                Max-Forwards: 70
                From: <sip:a@127.0.0.1>;tag=1
                To: <sip:gw@127.0.0.1>
                Call-ID: %s
                CSeq: 1 OPTIONS
                Content-Length: 0

                """.formatted(callId, viaParams, callId);
    }

    @Test
    void aReceivedParameterWrittenByTheClientDoesNotRedirectTheResponse() {
        h.receive(options("refl1", ";received=192.0.2.99"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(h.last().flow())
                .as("the packet's source, not the forged received")
                .isEqualTo(UDP);
        assertThat(h.last().header("Via")).doesNotContain("192.0.2.99");
    }

    @Test
    void anRportValueWrittenByTheClientIsOverwrittenWithTheSourcePort() {
        h.receive(options("refl2", ";rport=9999"), UDP);
        assertThat(h.last().flow()).isEqualTo(UDP);
        assertThat(h.last().header("Via")).contains("rport=5070").contains("received=127.0.0.1");
    }

    @Test
    void theSameBranchUnderAnotherCallIdIsAnotherTransaction() {
        h.receive(invite("z9hG4bK-same", "A@x", ""), UDP);
        h.receive(invite("z9hG4bK-same", "B@x", ""), UDP);
        assertThat(calls).containsExactly("A@x", "B@x");
        assertThat(h.startingWith("SIP/2.0 100").stream().map(s -> s.header("Call-ID")))
                .containsExactly("A@x", "B@x");
        assertThat(h.ua.transactions()).isEqualTo(2);
    }
}
