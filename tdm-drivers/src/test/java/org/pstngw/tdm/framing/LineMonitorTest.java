package org.pstngw.tdm.framing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** G.775 LOS and AIS on the bit stream, at the exact bit where they change. */
class LineMonitorTest {
    private final RecordingAlarms alarms = new RecordingAlarms();
    private final LineMonitor e1 = new LineMonitor(255, 512, alarms);

    /** Feeds bits given as a string of '0' and '1', one at a time. */
    private void bits(LineMonitor m, String bits) {
        for (int i = 0; i < bits.length(); i++) {
            m.bit(bits.charAt(i) - '0');
        }
    }

    @Test
    void twoHundredFiftyFourZerosAreNotLossOfSignalTheTwoHundredFiftyFifthIs() {
        bits(e1, "1" + "0".repeat(254) + "1");
        assertThat(e1.los()).isFalse();
        bits(e1, "0".repeat(254));
        assertThat(e1.los()).isFalse();
        bits(e1, "0");
        assertThat(e1.los()).isTrue();
        assertThat(alarms.changes).containsExactly("+LOS");
    }

    @Test
    void aRunOfZerosAcrossOctetsAndWordsCountsAsOneRun() {
        byte[] data = new byte[40];
        data[0] = 0x01;
        // The one is the first octet's last bit: 56 zeros follow in this 64-bit word...
        e1.bytes(data, 0, 8);
        assertThat(e1.los()).isFalse();
        // ... and 3 more words bring 248, then the 255th zero is the 7th bit of the next octet.
        e1.bytes(data, 8, 24);
        assertThat(e1.los()).isFalse();
        e1.bytes(data, 32, 1);
        assertThat(e1.los()).isTrue();
    }

    @Test
    void lossOfSignalClearsAfterAWindowOf255BitsWithAtLeast32Ones() {
        bits(e1, "0".repeat(300));
        assertThat(e1.los()).isTrue();
        // A window starting with a one with only 31 ones (density below 12.5 %) does not clear it.
        String sparse = ("1" + "0".repeat(7)).repeat(31);
        bits(e1, sparse + "0".repeat(255 - sparse.length()));
        assertThat(e1.los()).isTrue();
        // 32 ones in the next window: cleared on its last bit, not before.
        String dense = ("1" + "0".repeat(6)).repeat(32);
        bits(e1, dense + "0".repeat(255 - dense.length() - 1));
        assertThat(e1.los()).isTrue();
        bits(e1, "0");
        assertThat(e1.los()).isFalse();
        assertThat(alarms.changes).containsExactly("+LOS", "-LOS");
    }

    @Test
    void aisNeedsTwoDoubleFramesWithAtMostTwoZerosAndClearsOnFraming() {
        bits(e1, "0" + "1".repeat(510) + "0");
        assertThat(e1.ais()).isFalse();
        bits(e1, "1".repeat(200) + "00" + "1".repeat(310));
        assertThat(e1.ais()).isTrue();
        e1.framed(true);
        assertThat(e1.ais()).isFalse();
        assertThat(alarms.changes).containsExactly("+AIS", "-AIS");
    }

    @Test
    void t1LossOfSignalIs175Zeros() {
        LineMonitor t1 = new LineMonitor(175, 386, alarms);
        bits(t1, "1" + "0".repeat(174));
        assertThat(t1.los()).isFalse();
        bits(t1, "0");
        assertThat(t1.los()).isTrue();
    }
}
