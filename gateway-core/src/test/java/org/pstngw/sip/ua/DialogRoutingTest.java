package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipUri;

/** RFC 3261 12.2.1.1: Request-URI and Route of a request within a dialog, loose and strict routing. */
class DialogRoutingTest {
    private static final SipUri TARGET = SipUri.parse("sip:bob@192.0.2.7:5071;transport=tcp");

    private static List<NameAddr> routes(String... values) {
        return java.util.Arrays.stream(values).map(NameAddr::parse).toList();
    }

    private static List<String> text(List<NameAddr> routes) {
        return routes.stream().map(NameAddr::toString).toList();
    }

    @Test
    void withoutRouteSetTheRequestGoesToTheRemoteTarget() {
        DialogRouting r = DialogRouting.of(List.of(), TARGET);
        assertThat(r.requestUri()).isEqualTo(TARGET);
        assertThat(r.routes()).isEmpty();
    }

    @Test
    void aLooseFirstRouteKeepsTheRemoteTargetAsRequestUriAndTheRouteSetAsRoute() {
        DialogRouting r = DialogRouting.of(routes("<sip:p1.example;lr>", "<sip:p2.example>"), TARGET);
        assertThat(r.requestUri()).isEqualTo(TARGET);
        assertThat(text(r.routes())).containsExactly("<sip:p1.example;lr>", "<sip:p2.example>");
    }

    @Test
    void aStrictFirstRouteBecomesTheRequestUriAndTheRemoteTargetTheLastRoute() {
        DialogRouting r = DialogRouting.of(
                routes("<sip:p1.example:5080;transport=udp;method=INVITE?Priority=urgent>", "<sip:p2.example;lr>"),
                TARGET);
        assertThat(r.requestUri().toString())
                .as("the parameters a Request-URI may not carry (method) and the headers are stripped")
                .isEqualTo("sip:p1.example:5080;transport=udp");
        assertThat(text(r.routes())).containsExactly("<sip:p2.example;lr>", "<sip:bob@192.0.2.7:5071;transport=tcp>");
    }

    @Test
    void aSingleStrictRouteLeavesOnlyTheRemoteTargetAsRoute() {
        DialogRouting r = DialogRouting.of(routes("<sip:10.0.0.1>"), TARGET);
        assertThat(r.requestUri().toString()).isEqualTo("sip:10.0.0.1");
        assertThat(text(r.routes())).containsExactly("<sip:bob@192.0.2.7:5071;transport=tcp>");
    }
}
