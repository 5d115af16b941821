package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.UDP;
import static org.pstngw.sip.ua.UaHarness.invite;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.conf.SipConfig.Rel100;
import org.pstngw.sip.message.SipStatus;

/** conf's sip.rel100, sip.user-agent and sip.contact-host as the UA applies them. */
class UaSettingsTest {
    private ServerCall call;

    private UaHarness harness(Rel100 rel100, String userAgent, String contactHost) {
        return new UaHarness(
                c -> call = c, new UaSettings("gw", rel100, userAgent, contactHost, UaSettings.DEFAULT_TIMER_C));
    }

    private static final String OPTIONS = """
            OPTIONS sip:gw@127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKo1
            Max-Forwards: 70
            From: <sip:a@127.0.0.1>;tag=1
            To: <sip:gw@127.0.0.1>
            Call-ID: o1
            CSeq: 1 OPTIONS
            Content-Length: 0

            """;

    @Test
    void rel100RequiredRefusesAnInviteWithout100relAndMakesEveryProvisionalReliable() {
        UaHarness h = harness(Rel100.REQUIRED, "", "");
        h.receive(invite("z9hG4bKq1", "q1", ""), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 421 Extension Required");
        assertThat(h.last().header("Require")).isEqualTo("100rel");
        h.receive(invite("z9hG4bKq2", "q2", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        assertThat(h.last().header("RSeq")).isNotNull();
        h.ua.invite(
                        "sip:bob@127.0.0.1:5070",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.empty(),
                        List.of(),
                        new ClientCallListener() {})
                .join();
        var ours = h.startingWith("INVITE ").getFirst();
        assertThat(ours.header("Require")).isEqualTo("100rel");
        assertThat(ours.header("Supported")).isEqualTo("100rel");
    }

    @Test
    void rel100DisabledRefusesAnInviteRequiringItAndNeverSendsReliably() {
        UaHarness h = harness(Rel100.DISABLED, "", "");
        h.receive(invite("z9hG4bKd1", "d1", "Require: 100rel\n"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 420 Bad Extension");
        assertThat(h.last().header("Unsupported")).isEqualTo("100rel");
        h.receive(invite("z9hG4bKd2", "d2", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.SESSION_PROGRESS, Optional.empty(), true);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 183");
        assertThat(h.last().header("RSeq")).isNull();
        h.receive(OPTIONS, UDP);
        assertThat(h.last().header("Supported")).isNull();
    }

    @Test
    void userAgentAndContactHostAreWhatConfigurationSays() {
        UaHarness h = harness(Rel100.SUPPORTED, "pstngw/1", "gw.example.net");
        h.receive(OPTIONS, UDP);
        assertThat(h.last().header("Server")).isEqualTo("pstngw/1");
        h.ua.invite(
                        "sip:bob@127.0.0.1:5070",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.empty(),
                        List.of(),
                        new ClientCallListener() {})
                .join();
        var ours = h.startingWith("INVITE ").getFirst();
        assertThat(ours.header("User-Agent")).isEqualTo("pstngw/1");
        assertThat(ours.header("Contact")).isEqualTo("<sip:gw@gw.example.net:5060>");
        assertThat(ours.header("Via")).startsWith("SIP/2.0/UDP gw.example.net:5060;branch=z9hG4bK");
    }
}
