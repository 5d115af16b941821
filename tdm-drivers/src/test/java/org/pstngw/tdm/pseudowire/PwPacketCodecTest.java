package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PwPacketCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void satopE1PacketCarriesEveryControlWordField() {
        var codec = new PwPacketCodec(PwMode.SATOP, 256, false, 0);
        var buf = ByteBuffer.allocate(codec.maxPacketBytes());
        codec.encodeHeader(buf, true, true, 3, 0x1234, 0, 0, false);
        assertThat(buf.position()).isEqualTo(4);
        // L and R set, M ignored (reserved) in SAToP, LEN 0 for a 260-byte packet.
        assertThat(HEX.formatHex(buf.array(), 0, 4)).isEqualTo("0c001234");
        buf.position(buf.limit()).flip();
        var h = new PwHeader();
        assertThat(codec.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        assertThat(h.localFailure()).isTrue();
        assertThat(h.remoteFailure()).isTrue();
        assertThat(h.modifier()).isZero();
        assertThat(h.fragmentation()).isZero();
        assertThat(h.length()).isZero();
        assertThat(h.sequence()).isEqualTo(0x1234);
        assertThat(h.payloadOffset()).isEqualTo(4);
        assertThat(h.payloadLength()).isEqualTo(256);
    }

    @Test
    void cesopsnCarriesTheModifierBitsAndShortPacketsCarryLen() {
        var codec = new PwPacketCodec(PwMode.CESOPSN, 16, false, 0);
        var buf = ByteBuffer.allocate(64);
        codec.encodeHeader(buf, false, false, 2, 65535, 0, 0, false);
        for (int i = 0; i < 16; i++) {
            buf.put((byte) i);
        }
        buf.flip();
        assertThat(HEX.formatHex(buf.array(), 0, 4)).isEqualTo("0214ffff");
        var h = new PwHeader();
        assertThat(codec.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        assertThat(h.modifier()).isEqualTo(2);
        assertThat(h.length()).isEqualTo(20);
        assertThat(h.sequence()).isEqualTo(65535);
        assertThat(buf.get(h.payloadOffset() + 15)).isEqualTo((byte) 15);
    }

    @Test
    void rtpHeaderComesFirstThenTheControlWord() {
        var codec = new PwPacketCodec(PwMode.SATOP, 256, true, 96);
        var buf = ByteBuffer.allocate(codec.maxPacketBytes());
        codec.encodeHeader(buf, false, false, 0, 7, 0xCAFEBABEL, 0x11223344L, false);
        assertThat(buf.position()).isEqualTo(16);
        assertThat(HEX.formatHex(buf.array(), 0, 16)).isEqualTo("80600007cafebabe1122334400000007");
        buf.position(buf.limit()).flip();
        var h = new PwHeader();
        assertThat(codec.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        assertThat(h.rtpSequence()).isEqualTo(7);
        assertThat(h.rtpTimestamp()).isEqualTo(0xCAFEBABEL);
        assertThat(h.rtpSsrc()).isEqualTo(0x11223344L);
        assertThat(h.payloadOffset()).isEqualTo(16);
    }

    @Test
    void aConfiguredRemoteSsrcRefusesPacketsFromAnotherSource() {
        var codec = new PwPacketCodec(PwMode.SATOP, 8, true, 96, 0x11223344L);
        var other = new PwPacketCodec(PwMode.SATOP, 8, true, 96);
        for (long ssrc : new long[] {0x11223344L, 0x11223345L}) {
            var buf = ByteBuffer.allocate(other.maxPacketBytes());
            other.encodeHeader(buf, false, false, 0, 1, 0, ssrc, false);
            buf.put(new byte[8]).flip();
            var h = new PwHeader();
            assertThat(codec.decode(buf, h)).isEqualTo(ssrc == 0x11223344L ? DecodeStatus.OK : DecodeStatus.WRONG_SSRC);
            assertThat(other.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        }
    }

    @Test
    void rtpPaddingIsRemovedBeforeThePayloadSizeIsChecked() {
        var codec = new PwPacketCodec(PwMode.SATOP, 8, true, 0);
        var buf = ByteBuffer.wrap(HEX.parseHex("a000000100000000000000000000000caabbccddeeff0011000003"));
        var h = new PwHeader();
        assertThat(codec.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        assertThat(h.payloadLength()).isEqualTo(8);
        assertThat(buf.get(h.payloadOffset() + 7)).isEqualTo((byte) 0x11);
    }

    @Test
    void payloadOmittedUnderTheLBit() {
        var codec = new PwPacketCodec(PwMode.SATOP, 256, false, 0);
        var buf = ByteBuffer.allocate(8);
        codec.encodeHeader(buf, true, false, 0, 1, 0, 0, true);
        buf.flip();
        var h = new PwHeader();
        assertThat(codec.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        assertThat(h.length()).isEqualTo(4);
        assertThat(h.payloadLength()).isZero();
    }

    @Test
    void decodeHonoursTheBufferPositionAndLeavesItUnmoved() {
        var codec = new PwPacketCodec(PwMode.SATOP, 8, false, 0);
        var buf = ByteBuffer.wrap(HEX.parseHex("ffff000c0001aabbccddeeff0011"));
        buf.position(2);
        var h = new PwHeader();
        assertThat(codec.decode(buf, h)).isEqualTo(DecodeStatus.OK);
        assertThat(buf.position()).isEqualTo(2);
        assertThat(h.payloadOffset()).isEqualTo(6);
    }

    @Test
    void configurationLimitsAreChecked() {
        assertThatThrownBy(() -> new PwPacketCodec(PwMode.SATOP, 0, false, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PwPacketCodec(PwMode.SATOP, 64, true, 128))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Fixture(DecodeStatus expected, PwMode mode, int payload, boolean rtp, String hex) {
        @Override
        public String toString() {
            return expected + " " + mode + " " + hex;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        try (InputStream in = PwPacketCodecTest.class.getResourceAsStream("/pseudowire/malformed-packets.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .toList();
            return lines.stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.trim().split("\\s+"))
                    .map(f -> new Fixture(
                            DecodeStatus.valueOf(f[0]),
                            PwMode.valueOf(f[1]),
                            Integer.parseInt(f[2]),
                            f[3].equals("y"),
                            f[4]))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fixturePacketsDecodeToTheirStatus(Fixture f) {
        var codec = new PwPacketCodec(f.mode(), f.payload(), f.rtp(), 0);
        assertThat(codec.decode(ByteBuffer.wrap(HEX.parseHex(f.hex())), new PwHeader()))
                .isEqualTo(f.expected());
    }
}
