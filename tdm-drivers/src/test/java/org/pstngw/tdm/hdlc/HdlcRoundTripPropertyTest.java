package org.pstngw.tdm.hdlc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.pstngw.tdm.framing.Crc4;

class HdlcRoundTripPropertyTest {
    @Property(tries = 200)
    void anyFramesSurviveStuffingAndFcs(@ForAll @Size(min = 1, max = 8) List<@Size(min = 1, max = 280) byte[]> frames) {
        List<byte[]> received = new ArrayList<>();
        HdlcDecoder decoder = new HdlcDecoder(280, (buf, len) -> received.add(Arrays.copyOf(buf, len)));
        HdlcEncoder encoder = new HdlcEncoder(280);
        int next = 0;
        for (int octet = 0; octet < 8 * 400 && received.size() < frames.size(); octet++) {
            if (next < frames.size() && !encoder.busy()) {
                byte[] f = frames.get(next++);
                assertThat(encoder.load(f, 0, f.length)).isTrue();
            }
            decoder.octet(encoder.nextOctet());
        }
        assertThat(received).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(received.get(i)).isEqualTo(frames.get(i));
        }
    }

    @Property(tries = 200)
    void crc4IsLinearSoTheCBitCorrectionHolds(@ForAll @Size(32) byte[] frame) {
        byte[] masked = frame.clone();
        masked[0] &= 0x7F;
        int withBit = Crc4.update(0, frame, 0, 32);
        int expected = Crc4.update(0, masked, 0, 32);
        int corrected = (frame[0] & 0x80) != 0 ? withBit ^ Crc4.TS0_BIT1 : withBit;
        assertThat(corrected).isEqualTo(expected);
    }
}
