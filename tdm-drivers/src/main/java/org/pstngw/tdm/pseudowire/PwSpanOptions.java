package org.pstngw.tdm.pseudowire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.pstngw.tdm.spi.ChannelConfig;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanConfigError;
import org.pstngw.tdm.spi.SpanType;

/**
 * Pseudowire settings of one span, read from {@link SpanConfig#options()} (in the gateway configuration:
 * {@code tdm.driver-options} for every span, overridden by {@code tdm.spans[].options}). The names are the ones
 * docs/CONFIGURATION.md lists; {@code PwSpanOptionsTest} keeps the two in step.
 *
 * <table>
 *   <caption>Driver options</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code mode}</td><td>{@code satop}</td><td>{@code satop} (RFC 4553) or {@code cesopsn} (RFC 5086)</td></tr>
 *   <tr><td>{@code local-address}</td><td>{@code 127.0.0.1}</td><td>local IP address to bind</td></tr>
 *   <tr><td>{@code local-port}</td><td>{@code port}, else 0</td><td>local UDP port (0 = ephemeral); spans with the same
 *     local address and port share one socket, each told apart by its remote address and port</td></tr>
 *   <tr><td>{@code remote-address}</td><td>required</td><td>far end's IP address or host name</td></tr>
 *   <tr><td>{@code remote-port}</td><td>{@code port}</td><td>far end's UDP port (required one way or the other)</td></tr>
 *   <tr><td>{@code port}</td><td>none</td><td>the UDP port at both ends, when they use the same one</td></tr>
 *   <tr><td>{@code frames-per-packet}</td><td>8</td><td>125 us frames per packet (8 = 1 ms, 256 octets SAToP E1)</td></tr>
 *   <tr><td>{@code payload-bytes}</td><td>frames-per-packet's worth</td><td>SAToP payload octets (RFC 4553 defaults: E1 256, T1 192)</td></tr>
 *   <tr><td>{@code jitter-buffer-ms}</td><td>16</td><td>jitter buffer depth, ms (rounded up to whole packets)</td></tr>
 *   <tr><td>{@code fill}</td><td>SAToP {@code all-ones}, CESoPSN {@code idle}</td><td>{@code all-ones}, {@code idle}, {@code repeat-last}</td></tr>
 *   <tr><td>{@code rtp}</td><td>{@code false}</td><td>RTP header in front of the control word</td></tr>
 *   <tr><td>{@code rtp-payload-type}</td><td>96</td><td>RTP payload type sent and required on receive</td></tr>
 *   <tr><td>{@code remote-ssrc}</td><td>any</td><td>RTP SSRC the far end must use (a misconnection check)</td></tr>
 *   <tr><td>{@code loss-state-enter-packets}</td><td>3</td><td>consecutive lost packets that enter the packet loss state (R bit)</td></tr>
 *   <tr><td>{@code loss-state-exit-packets}</td><td>3</td><td>consecutive packets received that leave it</td></tr>
 * </table>
 *
 * <p>A span is identified by its UDP port pair. Each span may have a local port of its own (the PW told apart by the
 * destination port), or several spans may share one local port, each with a different far end (the PW told apart by
 * the source port, as TDM-over-IP devices sending every PW to one port do); a far end given twice on one local port is
 * refused. On Linux a shared port moves a block's packets for all its spans in one {@code recvmmsg} and one {@code
 * sendmmsg}.
 *
 * <p>CESoPSN carries the span's configured channels' timeslots, in ascending order, {@code frames-per-packet} frames
 * each. SAToP carries the whole line stream, framing included: the 2048 kbit/s E1 (256 bits a frame, TS0 from the
 * framer) or the 1544 kbit/s T1 (193 bits a frame, F bit from the framer), cut into packets of {@code payload-bytes}
 * octets whatever the frame boundaries; without {@code payload-bytes}, {@code frames-per-packet} frames' worth (on T1
 * a multiple of 8 frames, 193 octets each 8).
 */
public record PwSpanOptions(
        PwMode mode,
        InetSocketAddress local,
        InetSocketAddress remote,
        int framesPerPacket,
        int satopPayloadBytes,
        int jitterMs,
        FillPolicy fill,
        boolean rtp,
        int rtpPayloadType,
        OptionalLong remoteSsrc,
        int lossStateEnter,
        int lossStateExit,
        List<Integer> timeslots) {

    public static final String MODE = "mode";
    public static final String LOCAL_ADDRESS = "local-address";
    public static final String LOCAL_PORT = "local-port";
    public static final String REMOTE_ADDRESS = "remote-address";
    public static final String REMOTE_PORT = "remote-port";
    public static final String PORT = "port";
    public static final String FRAMES_PER_PACKET = "frames-per-packet";
    public static final String PAYLOAD_BYTES = "payload-bytes";
    public static final String JITTER_BUFFER_MS = "jitter-buffer-ms";
    public static final String FILL = "fill";
    public static final String RTP = "rtp";
    public static final String RTP_PAYLOAD_TYPE = "rtp-payload-type";
    public static final String REMOTE_SSRC = "remote-ssrc";
    public static final String LOSS_STATE_ENTER = "loss-state-enter-packets";
    public static final String LOSS_STATE_EXIT = "loss-state-exit-packets";

    /** Every option this driver reads; any other key is refused with a hint. */
    public static final List<String> KEYS = List.of(
            MODE,
            LOCAL_ADDRESS,
            LOCAL_PORT,
            REMOTE_ADDRESS,
            REMOTE_PORT,
            PORT,
            FRAMES_PER_PACKET,
            PAYLOAD_BYTES,
            JITTER_BUFFER_MS,
            FILL,
            RTP,
            RTP_PAYLOAD_TYPE,
            REMOTE_SSRC,
            LOSS_STATE_ENTER,
            LOSS_STATE_EXIT);

    /** Payload octets per packet. */
    public int payloadBytes(SpanType type) {
        return mode == PwMode.SATOP ? satopPayloadBytes : framesPerPacket * timeslots.size();
    }

    /** Nominal time between two packets: the payload's share of the line rate (SAToP) or its frames (CESoPSN). */
    public double packetIntervalNanos(SpanType type) {
        return mode == PwMode.SATOP
                ? satopPayloadBytes * 8.0 * 125_000.0 / type.bitsPerFrame()
                : framesPerPacket * 125_000.0;
    }

    /** Jitter buffer depth in whole packets (at least one). */
    public int jitterPackets(SpanType type) {
        return (int) Math.max(1, Math.ceil(jitterMs * 1e6 / packetIntervalNanos(type) - 1e-9));
    }

    /** Reads and checks the options of {@code span}; every defect is added to {@code errors}. */
    public static PwSpanOptions parse(SpanConfig span, List<SpanConfigError> errors) {
        Map<String, String> o = span.options();
        String name = span.name();
        for (String key : o.keySet()) {
            if (!KEYS.contains(key)) {
                errors.add(new SpanConfigError(name, key, "unknown pseudowire option" + hint(key)));
            }
        }
        PwMode mode = PwMode.SATOP;
        String m = o.getOrDefault(MODE, "satop").strip().toLowerCase(Locale.ROOT);
        switch (m) {
            case "satop" -> mode = PwMode.SATOP;
            case "cesopsn" -> mode = PwMode.CESOPSN;
            default -> errors.add(new SpanConfigError(name, MODE, "'" + m + "' is not satop or cesopsn"));
        }
        int port = o.containsKey(PORT) ? integer(name, PORT, o.get(PORT), 1, 65535, errors) : -1;
        String localPortText = o.getOrDefault(LOCAL_PORT, port > 0 ? Integer.toString(port) : "0");
        int localPort = integer(name, LOCAL_PORT, localPortText, 0, 65535, errors);
        InetSocketAddress local =
                address(name, LOCAL_ADDRESS, o.getOrDefault(LOCAL_ADDRESS, "127.0.0.1"), localPort, errors);
        InetSocketAddress remote = null;
        String remoteText = o.get(REMOTE_ADDRESS);
        String remotePortText = o.getOrDefault(REMOTE_PORT, port > 0 ? Integer.toString(port) : null);
        if (remoteText == null) {
            errors.add(new SpanConfigError(name, REMOTE_ADDRESS, "missing: the far end's IP address"));
        }
        if (remotePortText == null) {
            errors.add(new SpanConfigError(
                    name, REMOTE_PORT, "missing: the far end's UDP port (remote-port, or port for both ends)"));
        }
        if (remoteText != null && remotePortText != null) {
            int remotePort = integer(name, REMOTE_PORT, remotePortText, 1, 65535, errors);
            remote = address(name, REMOTE_ADDRESS, remoteText, remotePort, errors);
        }
        int fpp = integer(name, FRAMES_PER_PACKET, o.getOrDefault(FRAMES_PER_PACKET, "8"), 1, 64, errors);
        int jitterMs = integer(name, JITTER_BUFFER_MS, o.getOrDefault(JITTER_BUFFER_MS, "16"), 1, 1000, errors);
        String fillText = o.getOrDefault(FILL, mode == PwMode.SATOP ? "all-ones" : "idle");
        FillPolicy fill = FillPolicy.ALL_ONES;
        switch (fillText.strip().toLowerCase(Locale.ROOT)) {
            case "all-ones" -> fill = FillPolicy.ALL_ONES;
            case "idle" -> fill = FillPolicy.IDLE_PATTERN;
            case "repeat-last" -> fill = FillPolicy.REPEAT_LAST;
            default ->
                errors.add(new SpanConfigError(name, FILL, "'" + fillText + "' is not all-ones, idle or repeat-last"));
        }
        String rtpText = o.getOrDefault(RTP, "false").strip();
        if (!rtpText.equals("true") && !rtpText.equals("false")) {
            errors.add(new SpanConfigError(name, RTP, "'" + rtpText + "' is not true or false"));
        }
        int pt = integer(name, RTP_PAYLOAD_TYPE, o.getOrDefault(RTP_PAYLOAD_TYPE, "96"), 0, 127, errors);
        OptionalLong ssrc = OptionalLong.empty();
        if (o.containsKey(REMOTE_SSRC)) {
            ssrc = unsigned32(name, o.get(REMOTE_SSRC), errors);
            if (!rtpText.equals("true")) {
                errors.add(new SpanConfigError(name, REMOTE_SSRC, "needs rtp: true (the SSRC is in the RTP header)"));
            }
        }
        int enter = integer(name, LOSS_STATE_ENTER, o.getOrDefault(LOSS_STATE_ENTER, "3"), 1, 1000, errors);
        int exit = integer(name, LOSS_STATE_EXIT, o.getOrDefault(LOSS_STATE_EXIT, "3"), 1, 1000, errors);
        List<Integer> slots =
                span.channels().stream().map(ChannelConfig::timeslot).sorted().toList();
        if (mode == PwMode.CESOPSN && slots.isEmpty()) {
            errors.add(new SpanConfigError(name, "channels", "CESoPSN needs at least one timeslot"));
        }
        int satopPayload = 0;
        if (o.containsKey(PAYLOAD_BYTES)) {
            satopPayload = integer(name, PAYLOAD_BYTES, o.get(PAYLOAD_BYTES), 1, 1440, errors);
            if (mode != PwMode.SATOP) {
                errors.add(new SpanConfigError(
                        name, PAYLOAD_BYTES, "applies to satop only; CESoPSN packets carry frames-per-packet frames"));
            }
        } else if (fpp > 0 && mode == PwMode.SATOP) {
            if (span.type() == SpanType.T1 && fpp % 8 != 0) {
                errors.add(new SpanConfigError(
                        name,
                        FRAMES_PER_PACKET,
                        fpp + " T1 frames are not a whole number of octets: use a multiple of 8 or payload-bytes"));
            }
            satopPayload = fpp * span.type().bitsPerFrame() / 8;
        }
        int payload = mode == PwMode.SATOP ? satopPayload : fpp * slots.size();
        if (payload > 1440) {
            errors.add(new SpanConfigError(
                    name, FRAMES_PER_PACKET, "payload of " + payload + " bytes exceeds 1440 (one Ethernet MTU)"));
        }
        return new PwSpanOptions(
                mode,
                local,
                remote,
                fpp,
                satopPayload,
                jitterMs,
                fill,
                rtpText.equals("true"),
                pt,
                ssrc,
                enter,
                exit,
                slots);
    }

    private static String hint(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KEYS) {
            int d = distance(k, key);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3)
                ? "; did you mean '" + best + "'?"
                : "; known: " + String.join(", ", KEYS);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    private static InetSocketAddress address(
            String span, String key, String text, int port, List<SpanConfigError> errors) {
        String host = text.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            errors.add(new SpanConfigError(span, key, "must not be empty"));
            return null;
        }
        if (port < 0) {
            return null;
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (java.net.UnknownHostException | SecurityException e) {
            errors.add(new SpanConfigError(span, key, "host '" + host + "' does not resolve"));
            return null;
        }
    }

    private static OptionalLong unsigned32(String span, String text, List<SpanConfigError> errors) {
        String t = text.strip();
        try {
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v >= 0 && v <= 0xFFFFFFFFL) {
                return OptionalLong.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new SpanConfigError(span, REMOTE_SSRC, "'" + text + "' is not a 32-bit SSRC (decimal or 0x hex)"));
        return OptionalLong.empty();
    }

    private static int integer(String span, String key, String text, int min, int max, List<SpanConfigError> errors) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                errors.add(new SpanConfigError(span, key, v + " is out of " + min + ".." + max));
                return -1;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new SpanConfigError(span, key, "'" + text + "' is not a number"));
            return -1;
        }
    }
}
