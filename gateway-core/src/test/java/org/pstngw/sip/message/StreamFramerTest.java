package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFramerTest {
    private static final byte[] TWO = Msgs.bytes("\r\n\r\n" + Msgs.INVITE + Msgs.INVITE.replace("314159", "314160"));

    @Test
    void splitAtEveryByteBoundaryGivesTheSameMessages() {
        for (int cut = 0; cut <= TWO.length; cut++) {
            StreamFramer f = new StreamFramer();
            List<ParseResult> out = new ArrayList<>(f.feed(TWO, 0, cut));
            out.addAll(f.feed(TWO, cut, TWO.length - cut));
            assertThat(out).as("cut at %d", cut).hasSize(2);
            assertThat(((ParseResult.Parsed) out.get(0)).message().cseq().number())
                    .isEqualTo(314159);
            assertThat(((ParseResult.Parsed) out.get(1)).message().cseq().number())
                    .isEqualTo(314160);
            assertThat(f.pings()).isEqualTo(1);
            assertThat(f.buffered()).isZero();
        }
    }

    @Test
    void byteByByte() {
        StreamFramer f = new StreamFramer();
        List<ParseResult> out = new ArrayList<>();
        for (byte b : TWO) {
            out.addAll(f.feed(new byte[] {b}));
        }
        assertThat(out).hasSize(2).allMatch(r -> r instanceof ParseResult.Parsed);
    }

    @Test
    void missingContentLengthBreaksTheStream() {
        StreamFramer f = new StreamFramer();
        List<ParseResult> out = f.feed(Msgs.bytes(Msgs.INVITE.replace("Content-Length: 149\r\n", "")));
        assertThat(((ParseResult.Malformed) out.get(0)).reason())
                .isEqualTo("missing Content-Length on a stream transport");
        assertThat(f.failed()).isTrue();
        assertThat(f.feed(Msgs.bytes(Msgs.INVITE))).isEmpty();
    }

    @Test
    void oversizeIsAnError() {
        StreamFramer f = new StreamFramer(new SipLimits(512, 64, 256));
        List<ParseResult> out = f.feed(Msgs.bytes(Msgs.INVITE));
        assertThat(((ParseResult.Malformed) out.get(0)).status()).isEqualTo(413);
        StreamFramer g = new StreamFramer(new SipLimits(512, 64, 256));
        assertThat(g.feed(new byte[600])).hasSize(1);
        assertThat(g.failed()).isTrue();
    }
}
