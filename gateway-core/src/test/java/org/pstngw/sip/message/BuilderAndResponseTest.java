package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuilderAndResponseTest {
    @Test
    void builderChangesAHeaderAndKeepsTheRest() {
        SipRequest r = (SipRequest) Msgs.parse(Msgs.INVITE);
        SipRequest changed = r.toBuilder()
                .set("Max-Forwards", "69")
                .prepend("Via", "SIP/2.0/TCP gw.example.com;branch=z9hG4bKnew")
                .removeFirst("Route")
                .buildRequest();
        assertThat(changed.maxForwards()).hasValue(69);
        assertThat(changed.topVia().branch()).isEqualTo("z9hG4bKnew");
        assertThat(changed.vias()).hasSize(3);
        assertThat(changed.routes()).isEmpty();
        assertThat(changed.body()).isEqualTo(r.body());
        assertThat(SipParser.parse(changed.toBytes())).isInstanceOf(ParseResult.Parsed.class);
        assertThat(r.toBuilder().buildRequest()).isEqualTo(r);
    }

    @Test
    void responseFromRequestCopiesTheRfc3261Headers() {
        SipRequest r = (SipRequest) Msgs.parse(Msgs.INVITE);
        SipResponse ringing = SipResponses.create(r, SipStatus.RINGING, "as83kd");
        assertThat(ringing.statusCode()).isEqualTo(180);
        assertThat(ringing.reasonPhrase()).isEqualTo("Ringing");
        assertThat(ringing.vias()).isEqualTo(r.vias());
        assertThat(ringing.from()).isEqualTo(r.from());
        assertThat(ringing.to().tag()).isEqualTo("as83kd");
        assertThat(ringing.to().uri().raw()).isEqualTo(r.to().uri().raw());
        assertThat(ringing.callId()).isEqualTo(r.callId());
        assertThat(ringing.cseq()).isEqualTo(r.cseq());
        assertThat(ringing.contentLength()).isZero();
        SipResponse trying = SipResponses.create(r, SipStatus.TRYING, "as83kd");
        assertThat(trying.to().tag()).isNull();
        assertThat(SipParser.parse(ringing.toBytes())).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void openEnums() {
        assertThat(SipStatus.valueOf(180)).isSameAs(SipStatus.RINGING);
        assertThat(SipStatus.valueOf(599).reason()).isEqualTo("Server Error");
        assertThat(SipMethod.valueOf("INVITE")).isSameAs(SipMethod.INVITE);
        assertThat(SipMethod.valueOf("invite")).isNotEqualTo(SipMethod.INVITE);
    }
}
