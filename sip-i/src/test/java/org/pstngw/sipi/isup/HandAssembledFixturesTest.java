package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixtures assembled by hand from Q.763 / T1.113.3, one commented line per octet (src/test/resources/isup/handmade/,
 * named VARIANT-TYPE-WHAT.hex), against the messages of {@link HandAssembledMessages}: unlike the golden files of
 * {@link WireFixturesTest}, these were not written by our encoder, so they judge the layout table. Together with the
 * sample IAM of REFERENCES.md they cover every (message type, variant) pair that has a layout. TsharkJudgeIT has
 * tshark read them too.
 */
class HandAssembledFixturesTest {
    private static final Map<String, IsupMessage> MESSAGES = HandAssembledMessages.all();

    static Stream<String> fixtures() throws IOException {
        return names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesToTheMessageAndEncodesBackToTheOctets(String name) {
        byte[] wire = Fixtures.hex("/isup/handmade/" + name + ".hex");
        IsupVariant variant = name.startsWith("ansi-") ? IsupVariant.ANSI : IsupVariant.ITU;
        IsupMessage message = MESSAGES.get(name);
        assertThat(message).as("no message for fixture %s", name).isNotNull();
        assertThat(name)
                .startsWith(variant.name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + message.type().name().toLowerCase(java.util.Locale.ROOT) + "-");
        assertThat(IsupCodec.decode(wire, variant)).isEqualTo(new DecodeResult.Decoded(message));
        assertThat(HexFormat.of().formatHex(IsupCodec.encode(message, variant).orElseThrow()))
                .isEqualTo(HexFormat.of().formatHex(wire));
    }

    @Test
    void every_message_of_the_table_has_its_fixture() throws IOException {
        assertThat(new TreeSet<>(names())).isEqualTo(new TreeSet<>(MESSAGES.keySet()));
    }

    @ParameterizedTest
    @EnumSource(IsupVariant.class)
    void every_message_type_with_a_layout_has_a_hand_assembled_fixture(IsupVariant variant) throws IOException {
        String prefix = variant.name().toLowerCase(java.util.Locale.ROOT) + "-";
        Set<String> covered = names().stream()
                .filter(n -> n.startsWith(prefix))
                .map(n -> MESSAGES.get(n).type().name())
                .collect(Collectors.toCollection(TreeSet::new));
        if (variant == IsupVariant.ITU) {
            covered.add("IAM"); // /isup/iam-itu-sample-references.hex, read by IsupMessagesTest
        }
        Set<String> types = SampleMessages.all(variant).stream()
                .filter(m -> !(m instanceof IsupMessage.Unknown))
                .map(m -> m.type().name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(types).hasSize(33);
        assertThat(covered).isEqualTo(types);
    }

    private static List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.directory("/isup/handmade"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".hex"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList();
        }
    }
}
