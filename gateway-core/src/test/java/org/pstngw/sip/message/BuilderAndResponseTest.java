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
    void recordRouteGoesBackOn101To299Only() {
        SipRequest r = (SipRequest) Msgs.parse(Msgs.INVITE);
        assertThat(SipResponses.create(r, SipStatus.RINGING, "t").recordRoutes())
                .extracting(a -> a.uri().raw())
                .containsExactly("sip:rr.example.com;lr");
        assertThat(SipResponses.create(r, SipStatus.OK, "t").recordRoutes()).hasSize(1);
        assertThat(SipResponses.create(r, SipStatus.TRYING, null).recordRoutes())
                .isEmpty();
        assertThat(SipResponses.create(r, SipStatus.BUSY_HERE, "t").recordRoutes())
                .isEmpty();
    }

    @Test
    void replaceFirstValueChangesOnlyTheFirstElementOfACommaJoinedField() {
        SipRequest r = (SipRequest) Msgs.parse(Msgs.INVITE.replace(
                "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n" + "Via: SIP/2.0/TCP",
                "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport ,SIP/2.0/TCP"));
        assertThat(r.vias()).hasSize(2);
        SipRequest changed = r.toBuilder()
                .replaceFirstValue("v", "SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport=1")
                .buildRequest();
        assertThat(changed.header("Via").orElseThrow())
                .isEqualTo("SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport=1"
                        + ",SIP/2.0/TCP proxy.example.com;branch=z9hG4bKnashds8;received=192.0.2.1;rport=5070;"
                        + "maddr=239.1.1.1;ttl=16");
        assertThat(changed.vias()).extracting(Via::rport).containsExactly(1, 5070);
    }

    @Test
    void openEnums() {
        assertThat(SipStatus.valueOf(180)).isSameAs(SipStatus.RINGING);
        assertThat(SipStatus.valueOf(599).reason()).isEqualTo("Server Error");
        assertThat(SipMethod.valueOf("INVITE")).isSameAs(SipMethod.INVITE);
        assertThat(SipMethod.valueOf("invite")).isNotEqualTo(SipMethod.INVITE);
        SipStatus custom = SipStatus.SERVER_INTERNAL_ERROR.withReason("CSeq Out of Order");
        assertThat(custom).isEqualTo(SipStatus.SERVER_INTERNAL_ERROR);
        assertThat(custom.reason()).isEqualTo("CSeq Out of Order");
    }
}
