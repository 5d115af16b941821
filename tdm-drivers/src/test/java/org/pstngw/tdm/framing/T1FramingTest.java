package org.pstngw.tdm.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.spi.Framing;
import org.pstngw.tdm.spi.SpanType;

class T1FramingTest {
    private final RecordingAlarms alarms = new RecordingAlarms();

    /** Frames: payload 24 octets each, F bits beside them. */
    @SuppressWarnings("ArrayRecordComponent") // test data, never compared
    record Stream(byte[] payload, int[] fbits) {}

    static Stream framed(T1Framer framer, int frames, long seed) {
        byte[] payload = new byte[frames * 24];
        new Random(seed).nextBytes(payload);
        int[] f = new int[frames];
        for (int i = 0; i < frames; i++) {
            f[i] = framer.frame(payload, i * 24);
        }
        return new Stream(payload, f);
    }

    /** Remainder of M(x) * x^6 / (x^6 + x + 1), bit by bit. */
    static int crc6ByDivision(int[] bits) {
        int[] m = Arrays.copyOf(bits, bits.length + 6);
        int[] g = {1, 0, 0, 0, 0, 1, 1};
        for (int i = 0; i < bits.length; i++) {
            if (m[i] == 1) {
                for (int j = 0; j < 7; j++) {
                    m[i + j] ^= g[j];
                }
            }
        }
        int r = 0;
        for (int i = bits.length; i < bits.length + 6; i++) {
            r = (r << 1) | m[i];
        }
        return r;
    }

    @Test
    void tableCrc6MatchesLongDivision() {
        Random random = new Random(8);
        for (int n = 0; n < 50; n++) {
            byte[] data = new byte[1 + random.nextInt(100)];
            random.nextBytes(data);
            int[] bits = new int[data.length * 8];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = (data[i / 8] >>> (7 - i % 8)) & 1;
            }
            assertThat(Crc6.update(0, data, 0, data.length)).isEqualTo(crc6ByDivision(bits));
        }
    }

    @Test
    void d4SendsFtFsPattern() {
        Stream s = framed(new T1Framer(Framing.T1_D4), 24, 1);
        int[] expected = {1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0};
        for (int i = 0; i < 24; i++) {
            assertThat(s.fbits()[i]).as("frame %d", i + 1).isEqualTo(expected[i % 12]);
        }
    }

    @Test
    void esfSendsFpsAndCrc6OfPreviousSuperframe() {
        Stream s = framed(new T1Framer(Framing.T1_ESF), 72, 2);
        int[] fps = {0, 0, 1, 0, 1, 1};
        for (int sf = 0; sf < 3; sf++) {
            for (int k = 0; k < 6; k++) {
                assertThat(s.fbits()[sf * 24 + 4 * k + 3]).isEqualTo(fps[k]);
            }
        }
        for (int sf = 1; sf < 3; sf++) {
            int[] bits = new int[24 * 193];
            for (int f = 0; f < 24; f++) {
                int frame = (sf - 1) * 24 + f;
                bits[f * 193] = 1;
                for (int b = 0; b < 192; b++) {
                    bits[f * 193 + 1 + b] = (s.payload()[frame * 24 + b / 8] >>> (7 - b % 8)) & 1;
                }
            }
            int sent = 0;
            for (int k = 0; k < 6; k++) {
                sent = (sent << 1) | s.fbits()[sf * 24 + 4 * k + 1];
            }
            assertThat(sent).isEqualTo(crc6ByDivision(bits));
        }
    }

    @Test
    void esfDataLinkIdlesWithFlags() {
        Stream s = framed(new T1Framer(Framing.T1_ESF), 48, 3);
        int octet = 0;
        for (int k = 0; k < 8; k++) {
            octet |= s.fbits()[2 * k] << k;
        }
        assertThat(octet).isEqualTo(0x7E);
    }

    @Test
    void esfDeframerAlignsAndCountsOneFlippedBit() {
        for (Framing framing : Framing.values()) {
            if (framing.spanType() != SpanType.T1) {
                continue;
            }
            RecordingAlarms recorded = new RecordingAlarms();
            Stream s = framed(new T1Framer(framing), 240, 4);
            s.payload()[150 * 24 + 5] ^= 0x01;
            T1Deframer d = new T1Deframer(framing, recorded);
            for (int i = 0; i < 240; i++) {
                d.frame(s.fbits()[i], s.payload(), i * 24);
            }
            assertThat(d.aligned()).as(framing.name()).isTrue();
            assertThat(d.crcErrors()).as(framing.name()).isEqualTo(framing == Framing.T1_ESF ? 1 : 0);
            assertThat(recorded.changes).containsExactly("-LOF");
        }
    }

    @Test
    void twoBadFpsBitsLoseAlignment() {
        Stream s = framed(new T1Framer(Framing.T1_ESF), 200, 5);
        T1Deframer d = new T1Deframer(Framing.T1_ESF, alarms);
        for (int i = 0; i < 100; i++) {
            d.frame(s.fbits()[i], s.payload(), i * 24);
        }
        assertThat(d.aligned()).isTrue();
        for (int i = 100; i < 200; i++) {
            int f = s.fbits()[i];
            if (i == 99 + 4 || i == 99 + 8) {
                f ^= 1;
            }
            d.frame(f, s.payload(), i * 24);
            if (i == 99 + 8) {
                assertThat(d.aligned()).isFalse();
            }
        }
        assertThat(alarms.changes).containsExactly("-LOF", "+LOF", "-LOF");
    }

    @Test
    void yellowAlarmOnEsfAndD4() {
        for (Framing framing : new Framing[] {Framing.T1_ESF, Framing.T1_D4}) {
            RecordingAlarms recorded = new RecordingAlarms();
            T1Framer framer = new T1Framer(framing);
            T1Deframer d = new T1Deframer(framing, recorded);
            byte[] payload = new byte[24];
            for (int i = 0; i < 600; i++) {
                framer.setRemoteAlarm(i >= 100 && i < 300);
                Arrays.fill(payload, (byte) 0x7F);
                d.frame(framer.frame(payload, 0), payload, 0);
            }
            assertThat(recorded.changes).as(framing.name()).containsExactly("-LOF", "+RAI", "-RAI");
        }
    }

    @Test
    void allOnesIsAisAndZerosAreLos() {
        T1Deframer d = new T1Deframer(Framing.T1_ESF, alarms);
        byte[] ones = new byte[24];
        Arrays.fill(ones, (byte) 0xFF);
        for (int i = 0; i < 4; i++) {
            d.frame(1, ones, 0);
        }
        d.frame(0, new byte[24], 0);
        assertThat(alarms.changes).containsExactly("+AIS", "+LOS");
    }

    /** The stream's frames packed as the 193-bit line. */
    static byte[] line(Stream s, int frames) {
        byte[] line = new byte[(frames * 193 + 7) / 8 + 25];
        for (int f = 0; f < frames; f++) {
            T1Bits.pack(s.fbits()[f], s.payload(), f * 24, line, f * 193L);
        }
        return Arrays.copyOf(line, frames * 193 / 8);
    }

    @Test
    void lineStreamAlignsAtEveryBitOffsetOnEsfAndD4() {
        for (Framing framing : new Framing[] {Framing.T1_ESF, Framing.T1_D4}) {
            Stream s = framed(new T1Framer(framing), 400, 9);
            byte[] line = line(s, 400);
            for (int offset : new int[] {0, 1, 5, 8, 100, 192, 193 + 77}) {
                byte[] stream = E1FramerTest.shiftedBy(line, offset);
                RecordingAlarms recorded = new RecordingAlarms();
                T1Deframer d = new T1Deframer(framing, recorded);
                byte[] out = new byte[420 * 24];
                int n = 0;
                for (int at = 0; at < stream.length; at += 50) {
                    int len = Math.min(50, stream.length - at);
                    n += d.receive(stream, at, len, out, n * 24, 420 - n);
                }
                String what = framing + " offset " + offset;
                assertThat(d.aligned()).as(what).isTrue();
                assertThat(d.crcErrors()).as(what).isZero();
                assertThat(recorded.changes).as(what).containsExactly("-LOF");
                int whole = (stream.length * 8 - offset) / 193;
                assertThat(Arrays.copyOfRange(out, (n - 1) * 24, n * 24))
                        .as(what)
                        .isEqualTo(Arrays.copyOfRange(s.payload(), (whole - 1) * 24, whole * 24));
            }
        }
    }

    @Test
    void d4LosesAlignmentOnTwoBadFtBitsOfFour() {
        Stream s = framed(new T1Framer(Framing.T1_D4), 200, 10);
        T1Deframer d = new T1Deframer(Framing.T1_D4, alarms);
        for (int i = 0; i < 100; i++) {
            d.frame(s.fbits()[i], s.payload(), i * 24);
        }
        assertThat(d.aligned()).isTrue();
        // The framer started on superframe frame 1: index 108 is frame 1 (Ft), 110 frame 3 (Ft).
        int ft1 = 108;
        for (int i = 100; i < 200; i++) {
            int f = s.fbits()[i];
            if (i == ft1 || i == ft1 + 2) {
                f ^= 1;
            }
            d.frame(f, s.payload(), i * 24);
            if (i == ft1) {
                assertThat(d.aligned()).as("one errored Ft bit").isTrue();
            }
            if (i == ft1 + 2) {
                assertThat(d.aligned()).as("two errored Ft bits").isFalse();
            }
        }
        assertThat(alarms.changes).containsExactly("-LOF", "+LOF", "-LOF");
        assertThat(d.framingErrors()).isEqualTo(2);
    }

    @Test
    void t1BitsRoundTripEightFramesIn193Octets() {
        Stream s = framed(new T1Framer(Framing.T1_ESF), 8, 6);
        byte[] line = new byte[193];
        for (int f = 0; f < 8; f++) {
            T1Bits.pack(s.fbits()[f], s.payload(), f * 24, line, f * 193L);
        }
        assertThat((line[0] >>> 7) & 1).isEqualTo(s.fbits()[0]);
        assertThat((byte) (line[0] << 1 | (line[1] & 0xFF) >>> 7)).isEqualTo(s.payload()[0]);
        byte[] back = new byte[8 * 24];
        for (int f = 0; f < 8; f++) {
            assertThat(T1Bits.unpack(line, f * 193L, back, f * 24)).isEqualTo(s.fbits()[f]);
        }
        assertThat(back).isEqualTo(s.payload());
    }
}
