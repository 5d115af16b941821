package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire form of every sample message (M3UA form; CIC 0x0ABC ITU, 0x2ABC ANSI) to a hex file under
 * src/test/resources/isup/{itu,ansi}/: a change to the codec that changes the octets fails here. These are golden files
 * written by our own encoder, so they pin the octets without judging them; the judges are the hand-assembled fixtures
 * of {@link HandAssembledFixturesTest} and tshark (TsharkJudgeIT, which reads every sample message type).
 */
class WireFixturesTest {
    static Stream<Arguments> fixtures() {
        return Stream.of(IsupVariant.values())
                .flatMap(v -> SampleMessages.all(v).stream()
                        .map(m -> Arguments.of(
                                "/isup/" + v.name().toLowerCase(Locale.ROOT) + "/"
                                        + m.type()
                                                .name()
                                                .toLowerCase(Locale.ROOT)
                                                .replaceAll("[^a-z0-9]", "") + ".hex",
                                v,
                                m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void encodesToAndDecodesFromItsFixture(String resource, IsupVariant variant, IsupMessage message) {
        byte[] wire = Fixtures.hex(resource);
        assertThat(HexFormat.of().formatHex(IsupCodec.encode(message, variant).orElseThrow()))
                .isEqualTo(HexFormat.of().formatHex(wire));
        assertThat(IsupCodec.decode(wire, variant)).isEqualTo(new DecodeResult.Decoded(message));
    }
}
