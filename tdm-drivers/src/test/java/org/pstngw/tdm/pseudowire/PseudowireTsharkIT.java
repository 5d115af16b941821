package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/**
 * tshark (Wireshark's SAToP and CESoPSN dissectors) as an independent judge of the packets two pseudowire spans put
 * on the wire: every packet the relay carried is written to a pcap, decoded by tshark, and its control word fields
 * compared with what each span's state at that block calls for: sequence numbers consecutive from 0, the L bit
 * exactly while A's local line is cut, the R bit while the sender's jitter buffer is in packet-loss state, CESoPSN's
 * M bits 10 while the sender's receive side is in alarm, LEN 0, the payload size; no malformed packet, no expert note.
 */
class PseudowireTsharkIT {
    private static final int BLOCKS = 160;
    private static final int CUT_FROM = 60;
    private static final int CUT_TO = 90;

    /** One datagram the relay saw, with the sender's state that decided its control word. */
    @SuppressWarnings("ArrayRecordComponent") // test data, never compared
    private record Sent(boolean fromA, int block, boolean lBit, boolean rBit, boolean rdi, byte[] bytes) {}

    /** A span's state at the end of a block: it shapes the packets of the next one. */
    private record State(boolean lossState, boolean receiving) {}

    @ParameterizedTest
    @EnumSource(PwMode.class)
    void tsharkDecodesEveryControlWordFieldAsTheSpansMeantIt(PwMode mode, @TempDir Path dir) throws Exception {
        VirtualFrameClock clock = new VirtualFrameClock(8);
        List<Sent> sent = new ArrayList<>();
        int[] block = {0};
        State[] stateA = {new State(true, false)};
        State[] stateB = {new State(true, false)};
        try (UdpRelay relay = new UdpRelay();
                PseudowireDriver a = new PseudowireDriver(DriverContext.of(clock));
                PseudowireDriver b = new PseudowireDriver(DriverContext.of(clock))) {
            PseudowireSpan spanA =
                    a.openSpan(span("a", mode, relay.addressForA().getPort()));
            PseudowireSpan spanB =
                    b.openSpan(span("b", mode, relay.addressForB().getPort()));
            relay.spans(spanA.localAddress(), spanB.localAddress());
            int firstSeqA = spanA.link().nextSequence();
            int firstSeqB = spanB.link().nextSequence();
            relay.aToB()
                    .capture(d -> sent.add(new Sent(
                            true,
                            block[0],
                            block[0] >= CUT_FROM && block[0] < CUT_TO,
                            stateA[0].lossState(),
                            !stateA[0].receiving(),
                            d)));
            relay.bToA()
                    .capture(d -> sent.add(
                            new Sent(false, block[0], false, stateB[0].lossState(), !stateB[0].receiving(), d)));
            a.start();
            b.start();
            for (block[0] = 0; block[0] < BLOCKS; block[0]++) {
                spanA.setLineCondition(
                        block[0] >= CUT_FROM && block[0] < CUT_TO ? LineCondition.CUT : LineCondition.NORMAL);
                clock.advanceBlocks(1);
                relay.pump();
                stateA[0] = new State(
                        spanA.link().jitterBuffer().packetLossState(),
                        spanA.alarms().stream().noneMatch(x -> x.receiveFailure()));
                stateB[0] = new State(
                        spanB.link().jitterBuffer().packetLossState(),
                        spanB.alarms().stream().noneMatch(x -> x.receiveFailure()));
            }
            Pcap pcap = new Pcap();
            int portA = spanA.localAddress().getPort();
            int portB = spanB.localAddress().getPort();
            for (Sent s : sent) {
                pcap.add(s.fromA() ? portA : portB, s.fromA() ? portB : portA, s.bytes());
            }
            Path file = dir.resolve(mode.name().toLowerCase(Locale.ROOT) + ".pcap");
            pcap.write(file);
            judge(mode, file, portA, sent, firstSeqA, firstSeqB);
        }
    }

    private static SpanConfig span(String name, PwMode mode, int remotePort) {
        Map<String, String> o = new HashMap<>();
        o.put(PwSpanOptions.MODE, mode.name().toLowerCase(Locale.ROOT));
        o.put(PwSpanOptions.REMOTE_ADDRESS, "127.0.0.1");
        o.put(PwSpanOptions.REMOTE_PORT, Integer.toString(remotePort));
        return SpanConfig.full(name, SpanType.E1, 0).withOptions(o);
    }

    private static void judge(PwMode mode, Path pcap, int portA, List<Sent> sent, int firstSeqA, int firstSeqB)
            throws Exception {
        boolean satop = mode == PwMode.SATOP;
        String p = satop ? "pwsatop" : "pwcesopsn";
        List<String> lines = tshark(
                pcap,
                "-d",
                "udp.port==" + portA + "," + (satop ? "pwsatopcw" : "pwcesopsn"),
                "-e",
                p + ".cw.seqno",
                "-e",
                satop ? "pwsatop.cw.lbit" : "pwcesopsn.cw.lm",
                "-e",
                p + ".cw.rbit",
                "-e",
                satop ? "pwsatop.cw.rsv" : "pwcesopsn.cw.bits03",
                "-e",
                p + ".cw.frag",
                "-e",
                p + ".cw.length",
                "-e",
                p + ".payload.len",
                "-e",
                "_ws.malformed",
                "-e",
                "_ws.expert.message");
        assertThat(lines).hasSize(sent.size());
        int seqA = firstSeqA;
        int seqB = firstSeqB;
        boolean sawL = false;
        boolean sawRdi = false;
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            String[] f = lines.get(i).split("\\|", -1);
            String what = (s.fromA() ? "a" : "b") + " block " + s.block() + ": " + lines.get(i);
            int seq = (s.fromA() ? seqA++ : seqB++) & 0xFFFF;
            assertThat(Integer.parseInt(f[0])).as(what).isEqualTo(seq);
            int lm = Integer.decode(f[1]);
            if (satop) {
                assertThat(lm).as("L bit, " + what).isEqualTo(s.lBit() ? 1 : 0);
            } else {
                int expected = s.lBit() ? 0x8 : s.rdi() ? 0x2 : 0;
                assertThat(lm).as("L+M, " + what).isEqualTo(expected);
                sawRdi |= expected == 0x2;
            }
            sawL |= s.lBit();
            assertThat(Integer.parseInt(f[2])).as("R bit, " + what).isEqualTo(s.rBit() ? 1 : 0);
            // CESoPSN's dissector shows bits 0-3 only when they are not zero (with an expert note).
            assertThat(f[3].isEmpty() ? 0 : Integer.parseInt(f[3]))
                    .as("bits 0-3 / RSV, " + what)
                    .isZero();
            assertThat(Integer.parseInt(f[4])).as("FRG, " + what).isZero();
            assertThat(Integer.parseInt(f[5])).as("LEN, " + what).isZero();
            assertThat(Integer.parseInt(f[6])).as("payload, " + what).isEqualTo(satop ? 256 : 248);
            assertThat(f[7]).as("malformed, " + what).isEmpty();
            assertThat(f[8]).as("expert, " + what).isEmpty();
        }
        assertThat(sawL).isTrue();
        assertThat(sawRdi).isEqualTo(!satop);
        assertThat(seqA - firstSeqA).isGreaterThan(BLOCKS - 2);
        assertThat(seqB - firstSeqB).isGreaterThan(BLOCKS - 2);
    }

    private static List<String> tshark(Path pcap, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(), "-T", "fields"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-E", "separator=|", "-E", "occurrence=f"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail("tshark is the judge of the pseudowire packets (Debian package tshark, installed by .ci/run): "
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
