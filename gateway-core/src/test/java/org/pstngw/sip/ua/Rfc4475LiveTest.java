package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every RFC 4475 torture message through the live path, as a datagram from the peer: the parser, the inbound
 * processor (400/505 for malformed requests, malformed responses dropped), the transaction layer and the UA core
 * (8.2 checks, dialogs), on virtual time with a recording transport. Each row gives what the RFC expects of a UAS:
 * the final status sent (or "-" for nothing), text the response must contain (the defect named in a 400, the
 * Unsupported/Accept/Warning header of a 420/415/406), and whether the INVITE reached the application. After each
 * message the stack still answers an OPTIONS.
 */
class Rfc4475LiveTest {

    private static byte[] fixture(String name) {
        try (InputStream in = Rfc4475LiveTest.class.getResourceAsStream("/sip/rfc4475/" + name + ".sip")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String OPTIONS = """
            OPTIONS sip:gw@127.0.0.1:5060 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKalive;rport
            Max-Forwards: 70
            From: <sip:probe@127.0.0.1>;tag=p
            To: <sip:gw@127.0.0.1>
            Call-ID: alive
            CSeq: 1 OPTIONS
            Content-Length: 0

            """;

    @ParameterizedTest(name = "{0} (RFC 4475 {1}): {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "",
            value = {
                // 3.1.1 valid: parsed and handled as any request of their method
                "wsinv      | 3.1.1.1  | 481 | Call-ID: wsinv.ndaksdj@192.0.2.1                      | false",
                "intmeth    | 3.1.1.2  | 405 | Allow: INVITE                                         | false",
                "esc01      | 3.1.1.3  | 100 | Call-ID: esc01.239409asdfakjkn23onasd0-3234           | true",
                "escnull    | 3.1.1.4  | 405 | Allow: INVITE                                         | false",
                "esc02      | 3.1.1.5  | 405 | CSeq: 29344 RE%47IST%45R                              | false",
                "lwsdisp    | 3.1.1.6  | 200 | Allow: INVITE                                         | false",
                "longreq    | 3.1.1.7  | 100 | CSeq: 3882340 INVITE                                  | true",
                "dblreq     | 3.1.1.8  | 405 | CSeq: 8 REGISTER                                      | false",
                "semiuri    | 3.1.1.9  | 200 | Call-ID: semiuri.0ha0isndaksdj                        | false",
                "transports | 3.1.1.10 | 200 | Call-ID: transports.kijh4akdnaqjkwendsasfdj           | false",
                "mpart01    | 3.1.1.11 | 405 | CSeq: 1 MESSAGE                                       | false",
                "unreason   | 3.1.1.12 | -   |                                                       | false",
                "noreason   | 3.1.1.13 | -   |                                                       | false",
                // 3.1.2 invalid: 400 naming the defect, 505 for the version, malformed responses dropped
                "badinv01   | 3.1.2.1  | 400 | (invalid Via: expected parameter name)                | false",
                "clerr      | 3.1.2.2  | 400 | (Content-Length 9999 exceeds body length 154)         | false",
                "ncl        | 3.1.2.3  | 400 | (invalid Content-Length -999)                         | false",
                "scalar02   | 3.1.2.4  | 400 | (Max-Forwards 300 exceeds 255)                        | false",
                "scalarlg   | 3.1.2.5  | -   |                                                       | false",
                "quotbal    | 3.1.2.6  | 400 | (invalid To: unterminated quoted string)              | false",
                "ltgtruri   | 3.1.2.7  | 400 | (Request-URI enclosed in <>:                          | false",
                "lwsruri    | 3.1.2.8  | 400 | (whitespace inside or after the Request-URI           | false",
                "lwsstart   | 3.1.2.9  | 400 | (more than one SP between method and Request-URI)     | false",
                "trws       | 3.1.2.10 | 400 | (whitespace inside or after the Request-URI           | false",
                "escruri    | 3.1.2.11 | 400 | (Request-URI contains headers:                        | false",
                "baddate    | 3.1.2.12 | 400 | (Date not in GMT: Fri, 01 Jan 2010 16:00:00 EST)      | false",
                "regbadct   | 3.1.2.13 | 400 | (invalid Contact:                                     | false",
                "badaspec   | 3.1.2.14 | 400 | (invalid To:                                          | false",
                "baddn      | 3.1.2.15 | 400 | (invalid From: invalid display name: Bell, Alexander) | false",
                "badvers    | 3.1.2.16 | 505 | (unsupported SIP version SIP/7.0)                     | false",
                "mismatch01 | 3.1.2.17 | 400 | (CSeq method INVITE does not match request method OPTIONS) | false",
                "mismatch02 | 3.1.2.18 | 400 | (CSeq method INVITE does not match request method NEWMETHOD) | false",
                "bigcode    | 3.1.2.19 | -   |                                                       | false",
                // 3.2 transaction layer: z9hG4bK alone is still a branch; the request is served
                "badbranch  | 3.2.1    | 200 | Call-ID: badbranch.sadonfo23i420jv0as0derf3j3n        | false",
                // 3.3 application layer
                "insuf      | 3.3.1    | -   |                                                       | false",
                "unkscm     | 3.3.2    | 416 | Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34           | false",
                "novelsc    | 3.3.3    | 416 | Call-ID: novelsc.asdfasser0q239nwsdfasdkl34           | false",
                "unksm2     | 3.3.4    | 405 | Allow: INVITE                                         | false",
                "bext01     | 3.3.5    | 420 | Unsupported: nothingSupportsThis, nothingSupportsThisEither | false",
                "invut      | 3.3.6    | 415 | Accept: application/sdp                               | false",
                "regaut01   | 3.3.7    | 405 | Allow: INVITE                                         | false",
                "multi01    | 3.3.8    | 400 | (more than one From header)                           | false",
                "mcl01      | 3.3.9    | 400 | (conflicting Content-Length headers)                  | false",
                "bcast      | 3.3.10   | -   |                                                       | false",
                "zeromf     | 3.3.11   | 200 | CSeq: 39234321 OPTIONS                                | false",
                "cparam01   | 3.3.12   | 405 | Allow: INVITE                                         | false",
                "cparam02   | 3.3.13   | 405 | Allow: INVITE                                         | false",
                "regescrt   | 3.3.14   | 405 | Allow: INVITE                                         | false",
                "sdp01      | 3.3.15   | 406 | Warning: 399 pstngw                                   | false",
                // 3.4 backward compatibility: an RFC 2543 INVITE (no branch, no From tag) is a call
                "inv2543    | 3.4.1    | 100 | Call-ID: inv2543.1717@ift.client.example.com                      | true",
            })
    void liveBehaviour(String name, String section, String status, String contains, boolean reachesApplication) {
        List<String> invites = new ArrayList<>();
        UaHarness h = new UaHarness(c -> invites.add(c.callId()));
        h.receive(fixture(name), UaHarness.UDP);
        List<UaHarness.Sent> responses =
                h.sent.stream().filter(s -> s.text().startsWith("SIP/2.0 ")).toList();
        assertThat(h.sent).as("the UA only responds").hasSameSizeAs(responses);
        if (status.equals("-")) {
            assertThat(h.sent).as("nothing sent for %s", name).isEmpty();
        } else {
            UaHarness.Sent last = responses.getLast();
            assertThat(last.firstLine()).startsWith("SIP/2.0 " + status + " ");
            assertThat(last.text()).contains(contains.strip());
            assertThat(last.flow().remote().isUnresolved()).isFalse();
            assertThat(responses.stream().filter(r -> !r.firstLine().startsWith("SIP/2.0 100 ")))
                    .as("at most one final response")
                    .hasSizeLessThanOrEqualTo(1);
        }
        assertThat(!invites.isEmpty()).as("INVITE reached the application").isEqualTo(reachesApplication);
        int before = h.sent.size();
        h.receive(OPTIONS, UaHarness.UDP);
        assertThat(h.sent.subList(before, h.sent.size()))
                .singleElement()
                .satisfies(ok -> assertThat(ok.firstLine()).isEqualTo("SIP/2.0 200 OK"));
    }
}
