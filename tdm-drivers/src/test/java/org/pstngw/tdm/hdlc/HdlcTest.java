package org.pstngw.tdm.hdlc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HdlcTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String fcsBytes(String hex) {
        byte[] data = HEX.parseHex(hex);
        int fcs = Crc16X25.fcs(data, 0, data.length);
        return HEX.formatHex(new byte[] {(byte) fcs, (byte) (fcs >>> 8)});
    }

    @Test
    void checkValuesFromReferences() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16X25.fcs(digits, 0, digits.length)).isEqualTo(0x906E);
        assertThat(fcsBytes("058900")).isEqualTo("a5a4");
        assertThat(fcsBytes("ffff0100")).isEqualTo("27e6");
    }

    @Test
    void frameWithItsFcsLeavesTheGoodResidue() {
        byte[] frame = HEX.parseHex("058900a5a4");
        assertThat(Crc16X25.update(Crc16X25.INIT, frame, 0, frame.length)).isEqualTo(Crc16X25.GOOD_RESIDUE);
    }

    private static List<byte[]> pump(HdlcEncoder encoder, HdlcDecoder decoder, List<byte[]> frames, int octets) {
        List<byte[]> sent = new ArrayList<>(frames);
        for (int i = 0; i < octets; i++) {
            if (!sent.isEmpty() && !encoder.busy()) {
                byte[] f = sent.removeFirst();
                assertThat(encoder.load(f, 0, f.length)).isTrue();
            }
            decoder.octet(encoder.nextOctet());
        }
        return sent;
    }

    @Test
    void randomFramesRoundTrip() {
        Random random = new Random(42);
        List<byte[]> frames = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            byte[] f = new byte[1 + random.nextInt(272)];
            switch (n % 3) {
                case 0 -> random.nextBytes(f);
                case 1 -> java.util.Arrays.fill(f, (byte) 0xFF);
                default -> java.util.Arrays.fill(f, (byte) 0x7E);
            }
            frames.add(f);
        }
        List<byte[]> received = new ArrayList<>();
        HdlcDecoder decoder = new HdlcDecoder(280, (buf, len) -> received.add(java.util.Arrays.copyOf(buf, len)));
        HdlcEncoder encoder = new HdlcEncoder(280);
        List<byte[]> left = pump(encoder, decoder, frames, 200_000);
        assertThat(left).isEmpty();
        assertThat(received).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(received.get(i)).as("frame %d", i).isEqualTo(frames.get(i));
        }
        assertThat(decoder.fcsErrors()).isZero();
        assertThat(decoder.malformedFrames()).isZero();
    }

    @Test
    void idleLineIsFlagsAndStuffingBreaksLongRunsOfOnes() {
        HdlcEncoder encoder = new HdlcEncoder(16);
        assertThat(encoder.nextOctet()).isEqualTo(0x7E);
        encoder.load(new byte[] {(byte) 0xFF, (byte) 0xFF}, 0, 2);
        int run = 0;
        int maxRun = 0;
        for (int i = 0; i < 10; i++) {
            int octet = encoder.nextOctet();
            for (int b = 7; b >= 0; b--) {
                run = ((octet >>> b) & 1) == 1 ? run + 1 : 0;
                maxRun = Math.max(maxRun, run);
            }
        }
        assertThat(maxRun).isEqualTo(6);
    }

    @Test
    void flippedBitIsAnFcsErrorNotAFrame() {
        HdlcEncoder encoder = new HdlcEncoder(64);
        List<byte[]> received = new ArrayList<>();
        HdlcDecoder decoder = new HdlcDecoder(64, (buf, len) -> received.add(java.util.Arrays.copyOf(buf, len)));
        encoder.load(HEX.parseHex("0102030405060708"), 0, 8);
        byte[] line = new byte[20];
        for (int i = 0; i < line.length; i++) {
            line[i] = (byte) encoder.nextOctet();
        }
        // Line octet 0 is the flag; octet 3 carries data octet 0x03 sent LSB first (11000000). Its last bit turned
        // to one makes 11000001: no run of five ones appears, the frame keeps its length and flags, and only the FCS
        // can notice.
        line[3] ^= 0x01;
        decoder.octets(line, 0, line.length);
        assertThat(received).isEmpty();
        assertThat(decoder.fcsErrors()).isEqualTo(1);
        assertThat(decoder.malformedFrames()).isZero();
        assertThat(decoder.goodFrames()).isZero();
    }

    @Test
    void sevenOnesAbortAndTooLongFramesAreMalformed() {
        List<byte[]> received = new ArrayList<>();
        HdlcDecoder decoder = new HdlcDecoder(4, (buf, len) -> received.add(java.util.Arrays.copyOf(buf, len)));
        decoder.octets(HEX.parseHex("7e0102ff7e"), 0, 5);
        assertThat(decoder.malformedFrames()).isEqualTo(1);
        HdlcEncoder encoder = new HdlcEncoder(16);
        encoder.load(new byte[10], 0, 10);
        for (int i = 0; i < 20; i++) {
            decoder.octet(encoder.nextOctet());
        }
        assertThat(decoder.malformedFrames()).isEqualTo(2);
        assertThat(received).isEmpty();
    }
}
