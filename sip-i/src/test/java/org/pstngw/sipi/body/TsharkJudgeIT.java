package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.CauseValue;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.EventInformation;
import org.pstngw.sipi.isup.Fixtures;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.SampleMessages;

/**
 * tshark as the independent judge: SIP-I messages built by {@link SipIBodies} go into a pcap (Ethernet/IPv4/UDP on
 * 127.0.0.1:5060), and tshark's SIP, multipart and ISUP dissectors must read our values back (message type, called and
 * calling number, cause value, location and coding standard) with no malformed packet and no expert warning or error,
 * except the SIP dissector's "Trailing stray characters" warning, which any binary body raises. Notes (such as "No
 * optional parameters are possible with this message type" on the messages that have none) are allowed. Fails (does
 * not skip) when tshark is missing.
 */
class TsharkJudgeIT {
    /** The one warning allowed: the SIP dissector's, on every binary body. */
    private static final String SIP_BINARY_BODY_WARNING = "Trailing stray characters";

    /** Wireshark's PI_WARN severity: anything at or above it fails the test. */
    private static final int PI_WARN = 0x00600000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(IsupVariant.class)
    void tshark_decodes_a_sip_i_call(IsupVariant variant) throws Exception {
        BackwardCallIndicators bci = BackwardCallIndicators.of(2, 1, 1, false, true);
        IsupMessage rel =
                IsupMessages.rel(0, CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_REMOTE, CauseValue.USER_BUSY));
        List<byte[]> sip = List.of(
                sip(
                        variant,
                        "INVITE sip:2125551234@127.0.0.1 SIP/2.0",
                        "INVITE",
                        Optional.of(SipIBodiesTest.SDP),
                        SampleMessages.iam(0, variant)),
                sip(variant, "SIP/2.0 180 Ringing", "INVITE", Optional.empty(), IsupMessages.acm(0, bci)),
                sip(
                        variant,
                        "SIP/2.0 183 Session Progress",
                        "INVITE",
                        Optional.of(SipIBodiesTest.SDP),
                        IsupMessages.cpg(0, new EventInformation(EventInformation.PROGRESS, false))),
                sip(variant, "SIP/2.0 200 OK", "INVITE", Optional.of(SipIBodiesTest.SDP), IsupMessages.anm(0)),
                sip(variant, "BYE sip:2125551234@127.0.0.1 SIP/2.0", "BYE", Optional.empty(), rel),
                sip(variant, "SIP/2.0 200 OK", "BYE", Optional.empty(), IsupMessages.rlc(0)));

        List<String[]> lines = judge(sip, variant);
        assertThat(lines).hasSize(6);
        assertThat(field(lines, 0, "isup.message_type")).isEqualTo("1");
        assertThat(field(lines, 0, "isup.called")).isEqualTo("2125551234F");
        assertThat(field(lines, 0, "isup.calling")).isEqualTo("4420712345678");
        assertThat(field(lines, 1, "isup.message_type")).isEqualTo("6");
        assertThat(field(lines, 2, "isup.message_type")).isEqualTo("44");
        assertThat(field(lines, 3, "isup.message_type")).isEqualTo("9");
        assertThat(field(lines, 4, "isup.message_type")).isEqualTo("12");
        assertThat(field(lines, 4, "isup.cause_indicator")).isEqualTo("17");
        assertThat(location(lines, 4, variant)).isEqualTo("4");
        assertThat(field(lines, 5, "isup.message_type")).isEqualTo("16");
    }

    @ParameterizedTest
    @EnumSource(IsupVariant.class)
    void tshark_finds_no_fault_in_any_message_type(IsupVariant variant) throws Exception {
        List<IsupMessage> messages = SampleMessages.all(variant).stream()
                .filter(m -> !(m instanceof IsupMessage.Unknown))
                .map(m -> m.withCic(0))
                .toList();
        List<byte[]> sip = new ArrayList<>();
        for (IsupMessage m : messages) {
            sip.add(sip(variant, "INFO sip:2125551234@127.0.0.1 SIP/2.0", "INFO", Optional.empty(), m));
        }
        List<String[]> lines = judge(sip, variant);
        assertThat(lines).hasSameSizeAs(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(field(lines, i, "isup.message_type"))
                    .as(messages.get(i).type().name())
                    .isEqualTo(String.valueOf(messages.get(i).type().code()));
        }
        if (variant == IsupVariant.ANSI) {
            int rel = messages.indexOf(messages.stream()
                    .filter(m -> m instanceof IsupMessage.Rel)
                    .findFirst()
                    .orElseThrow());
            assertThat(field(lines, rel, "ansi_isup.coding_standard")).isEqualTo("0x02");
            assertThat(field(lines, rel, "ansi_isup.cause_indicator")).isEqualTo("23");
        }
    }

    @Test
    void tshark_reads_the_hand_assembled_fixtures_as_we_do() throws Exception {
        String[] itu = {
            "itu-rel-12bit-cic-normal-clearing",
            "itu-acm-subscriber-free",
            "itu-cpg-alerting",
            "itu-anm-no-parameters",
            "itu-grs-range-7"
        };
        String[] ansi = {
            "ansi-iam-14bit-cic-user-service-information",
            "ansi-rel-ansi-coded-cause",
            "ansi-rlc-message-type-only",
            "ansi-cgb-hardware-failure-status"
        };
        List<String[]> i = judge(fixtures(IsupVariant.ITU, itu), IsupVariant.ITU);
        assertThat(i).extracting(l -> l[0]).containsExactly("12", "6", "44", "9", "23");
        assertThat(field(i, 0, "isup.cause_indicator")).isEqualTo("16");
        assertThat(location(i, 0, IsupVariant.ITU)).isEqualTo("0");
        assertThat(field(i, 0, "q931.coding_standard")).isEqualTo("0x00");

        List<String[]> a = judge(fixtures(IsupVariant.ANSI, ansi), IsupVariant.ANSI);
        assertThat(a).extracting(l -> l[0]).containsExactly("1", "12", "16", "24");
        assertThat(field(a, 0, "isup.called")).isEqualTo("2125551234");
        assertThat(field(a, 0, "isup.calling")).isEqualTo("2125550000");
        assertThat(field(a, 1, "ansi_isup.coding_standard")).isEqualTo("0x02");
        assertThat(field(a, 1, "ansi_isup.cause_indicator")).isEqualTo("23");
        assertThat(location(a, 1, IsupVariant.ANSI)).isEqualTo("2");
    }

    /** SIP-I INFO requests carrying the fixtures (CIC stripped: a SIP-I body has none), each decoded by us first. */
    private static List<byte[]> fixtures(IsupVariant variant, String... names) {
        List<byte[]> sip = new ArrayList<>();
        for (String name : names) {
            byte[] wire = Fixtures.hex("/isup/handmade/" + name + ".hex");
            DecodeResult ours = IsupCodec.decode(wire, variant);
            assertThat(ours).as(name).isInstanceOf(DecodeResult.Decoded.class);
            IsupMessage m = ((DecodeResult.Decoded) ours).message();
            sip.add(sip(variant, "INFO sip:2125551234@127.0.0.1 SIP/2.0", "INFO", Optional.empty(), m.withCic(0)));
            assertThat(IsupCodec.encodeWithoutCic(m, variant).orElseThrow())
                    .isEqualTo(Arrays.copyOfRange(wire, 2, wire.length));
        }
        return sip;
    }

    private static final String[] FIELDS = {
        "isup.message_type",
        "isup.called",
        "isup.calling",
        "isup.cause_indicator",
        "ansi_isup.cause_indicator",
        "isup.cause_location",
        "q931.cause_location",
        "q931.coding_standard",
        "ansi_isup.coding_standard",
        "_ws.malformed",
        "_ws.expert.severity",
        "_ws.expert.message"
    };

    private static String field(List<String[]> lines, int line, String name) {
        return lines.get(line)[List.of(FIELDS).indexOf(name)];
    }

    /** The cause location: from Q.850's dissector for ITU, from the ANSI ISUP dissector's own field for ANSI. */
    private static String location(List<String[]> lines, int line, IsupVariant variant) {
        return field(lines, line, variant == IsupVariant.ANSI ? "isup.cause_location" : "q931.cause_location");
    }

    /** Runs tshark on the SIP messages; checks every packet for malformation and expert warnings; the fields. */
    private List<String[]> judge(List<byte[]> sip, IsupVariant variant) throws IOException, InterruptedException {
        Path pcap = Files.createTempFile(dir, "sip-i-" + variant, ".pcap");
        Files.write(pcap, Pcap.udpLoopback(sip, 5060));
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(), "-T", "fields"));
        for (String f : FIELDS) {
            cmd.addAll(List.of("-e", f));
        }
        cmd.addAll(List.of("-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=~"));
        List<String[]> lines = new ArrayList<>();
        for (String line : tshark(cmd)) {
            String[] f = line.split("\\|", -1);
            assertThat(f).as(line).hasSize(FIELDS.length);
            for (int i = 0; i < f.length - 2; i++) {
                f[i] = f[i].split("~", -1)[0]; // first occurrence
            }
            assertThat(f[FIELDS.length - 3]).as("malformed in %s", line).isEmpty();
            String[] severities = f[FIELDS.length - 2].split("~", -1);
            String[] messages = f[FIELDS.length - 1].split("~", -1);
            for (int i = 0; i < severities.length; i++) {
                if (!severities[i].isEmpty() && Integer.parseInt(severities[i]) >= PI_WARN) {
                    assertThat(messages[i])
                            .as("expert warning or error in %s", line)
                            .isEqualTo(SIP_BINARY_BODY_WARNING);
                }
            }
            lines.add(f);
        }
        return lines;
    }

    private static byte[] sip(
            IsupVariant variant, String startLine, String method, Optional<byte[]> sdp, IsupMessage isup) {
        SipIBodies.Body body =
                SipIBodies.build(sdp, isup, IsupVersion.of(variant)).orElseThrow();
        StringBuilder h = new StringBuilder();
        h.append(startLine).append("\r\n");
        h.append("Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1\r\n");
        h.append("From: <sip:4420712345678@127.0.0.1>;tag=a\r\n");
        h.append("To: <sip:2125551234@127.0.0.1>\r\n");
        h.append("Call-ID: sipi-tshark@127.0.0.1\r\n");
        h.append("CSeq: 1 ").append(method).append("\r\n");
        h.append("Content-Type: ").append(body.contentType()).append("\r\n");
        body.contentDisposition()
                .ifPresent(d -> h.append("Content-Disposition: ").append(d).append("\r\n"));
        h.append("Content-Length: ").append(body.bytes().length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body.bytes());
        return out.toByteArray();
    }

    private static List<String> tshark(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail(
                    "tshark is needed as the judge of SIP-I encoding (Debian package tshark, installed by .ci/run): "
                            + e.getMessage());
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return fail("tshark did not finish within 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("tshark exit, stderr: %s", err).isZero();
        return out.lines().toList();
    }
}
