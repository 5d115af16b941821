package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriTest {
    @Test
    void partsAndEscapes() {
        SipUri u = SipUri.parse(
                "sips:al%69ce:se%63ret@[2001:db8::10]:5061;transport=tls;lr;maddr=239.255.255.1?subject=project%20x&priority=urgent");
        assertThat(u.secure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.rawUser()).isEqualTo("al%69ce");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("[2001:db8::10]");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transport()).isEqualTo("tls");
        assertThat(u.lr()).isTrue();
        assertThat(u.maddr()).isEqualTo("239.255.255.1");
        assertThat(u.headers()).hasSize(2);
        assertThat(u.raw()).contains("al%69ce");
        SipUri v4 = SipUri.parse("sip:192.0.2.4");
        assertThat(v4.host()).isEqualTo("192.0.2.4");
        assertThat(v4.port()).isEqualTo(-1);
        assertThat(v4.portOrDefault()).isEqualTo(5060);
        SipUri semi = SipUri.parse("sip:user;par=u%40example.net@example.com");
        assertThat(semi.user()).isEqualTo("user;par=u@example.net");
        assertThat(semi.host()).isEqualTo("example.com");
    }

    @Test
    void telAndOtherSchemes() {
        TelUri t = (TelUri) Uri.parse("tel:+1-201-555-0123;phone-context=example.com");
        assertThat(t.isGlobal()).isTrue();
        assertThat(t.digits()).isEqualTo("+12015550123");
        assertThat(t.params().get("phone-context")).isEqualTo("example.com");
        assertThat(t.equivalent(Uri.parse("tel:+12015550123;PHONE-CONTEXT=example.com")))
                .isTrue();
        assertThat(Uri.parse("nobodyKnowsThisScheme:totallyopaquecontent")).isInstanceOf(AbsoluteUri.class);
        assertThatThrownBy(() -> SipUri.parse("sip:user@exa mple.com")).isInstanceOf(SipSyntaxException.class);
    }

    /** RFC 3261 19.1.4 examples. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp | true",
                "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5 | true",
                "sip:carol@chicago.com;security=on | sip:carol@chicago.com;newparam=5 | true",
                "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com | true",
                "sip:alice@atlanta.com?subject=project%20x&priority=urgent | sip:alice@atlanta.com?priority=urgent&subject=project%20x | true",
                "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP | false",
                "sip:bob@biloxi.com | sip:bob@biloxi.com:5060 | false",
                "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp | false",
                "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp | false",
                "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting | false",
                "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4 | false",
                "sip:carol@chicago.com;security=on | sip:carol@chicago.com;security=off | false",
            })
    void comparison(String a, String b, boolean equal) {
        assertThat(Uri.parse(a).equivalent(Uri.parse(b))).isEqualTo(equal);
        assertThat(Uri.parse(b).equivalent(Uri.parse(a))).isEqualTo(equal);
    }
}
