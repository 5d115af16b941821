package org.pstngw.tdm.pseudowire;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pstngw.tdm.spi.ChannelConfig;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanConfigError;
import org.pstngw.tdm.spi.SpanType;

/**
 * Pseudowire settings of one span, read from {@link SpanConfig#options()}:
 *
 * <table>
 *   <caption>Driver options</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code pw.mode}</td><td>{@code satop}</td><td>{@code satop} (RFC 4553) or {@code cesopsn} (RFC 5086)</td></tr>
 *   <tr><td>{@code pw.local}</td><td>{@code 127.0.0.1:0}</td><td>local UDP address:port (0 = ephemeral)</td></tr>
 *   <tr><td>{@code pw.remote}</td><td>required</td><td>far end's UDP address:port</td></tr>
 *   <tr><td>{@code pw.frames-per-packet}</td><td>8</td><td>125 us frames per packet (8 = 1 ms, 256 bytes SAToP E1)</td></tr>
 *   <tr><td>{@code pw.jitter-packets}</td><td>16</td><td>jitter buffer depth, packets</td></tr>
 *   <tr><td>{@code pw.fill}</td><td>SAToP {@code all-ones}, CESoPSN {@code idle}</td><td>{@code all-ones}, {@code idle}, {@code repeat-last}</td></tr>
 *   <tr><td>{@code pw.rtp}</td><td>{@code false}</td><td>RTP header in front of the control word</td></tr>
 *   <tr><td>{@code pw.rtp-payload-type}</td><td>96</td><td>RTP payload type when {@code pw.rtp}</td></tr>
 * </table>
 *
 * <p>CESoPSN carries the span's configured channels' timeslots, in ascending order. SAToP is
 * supported on E1 spans (the 2048 kbit/s stream as 32-octet frames).
 */
public record PwSpanOptions(
        PwMode mode,
        InetSocketAddress local,
        InetSocketAddress remote,
        int framesPerPacket,
        int jitterPackets,
        FillPolicy fill,
        boolean rtp,
        int rtpPayloadType,
        List<Integer> timeslots) {

    public static final String MODE = "pw.mode";
    public static final String LOCAL = "pw.local";
    public static final String REMOTE = "pw.remote";
    public static final String FRAMES_PER_PACKET = "pw.frames-per-packet";
    public static final String JITTER_PACKETS = "pw.jitter-packets";
    public static final String FILL = "pw.fill";
    public static final String RTP = "pw.rtp";
    public static final String RTP_PAYLOAD_TYPE = "pw.rtp-payload-type";

    /** Payload octets per packet. */
    public int payloadBytes(SpanType type) {
        return mode == PwMode.SATOP ? framesPerPacket * type.bytesPerFrame() : framesPerPacket * timeslots.size();
    }

    /** Reads and checks the options of {@code span}; every defect is added to {@code errors}. */
    public static PwSpanOptions parse(SpanConfig span, List<SpanConfigError> errors) {
        Map<String, String> o = span.options();
        String name = span.name();
        PwMode mode = PwMode.SATOP;
        String m = o.getOrDefault(MODE, "satop").toLowerCase(Locale.ROOT);
        switch (m) {
            case "satop" -> mode = PwMode.SATOP;
            case "cesopsn" -> mode = PwMode.CESOPSN;
            default -> errors.add(new SpanConfigError(name, MODE, "'" + m + "' is not satop or cesopsn"));
        }
        if (mode == PwMode.SATOP && span.type() != SpanType.E1) {
            errors.add(new SpanConfigError(name, MODE, "SAToP is supported on E1 spans only; use cesopsn for T1"));
        }
        InetSocketAddress local = address(name, LOCAL, o.getOrDefault(LOCAL, "127.0.0.1:0"), errors);
        String remoteText = o.get(REMOTE);
        InetSocketAddress remote = null;
        if (remoteText == null) {
            errors.add(new SpanConfigError(name, REMOTE, "missing: the far end's address:port"));
        } else {
            remote = address(name, REMOTE, remoteText, errors);
        }
        int fpp = integer(name, FRAMES_PER_PACKET, o.getOrDefault(FRAMES_PER_PACKET, "8"), 1, 64, errors);
        int jitter = integer(name, JITTER_PACKETS, o.getOrDefault(JITTER_PACKETS, "16"), 1, 1024, errors);
        String fillText = o.getOrDefault(FILL, mode == PwMode.SATOP ? "all-ones" : "idle");
        FillPolicy fill = FillPolicy.ALL_ONES;
        switch (fillText.toLowerCase(Locale.ROOT)) {
            case "all-ones" -> fill = FillPolicy.ALL_ONES;
            case "idle" -> fill = FillPolicy.IDLE_PATTERN;
            case "repeat-last" -> fill = FillPolicy.REPEAT_LAST;
            default ->
                errors.add(new SpanConfigError(name, FILL, "'" + fillText + "' is not all-ones, idle or repeat-last"));
        }
        String rtpText = o.getOrDefault(RTP, "false");
        if (!rtpText.equals("true") && !rtpText.equals("false")) {
            errors.add(new SpanConfigError(name, RTP, "'" + rtpText + "' is not true or false"));
        }
        int pt = integer(name, RTP_PAYLOAD_TYPE, o.getOrDefault(RTP_PAYLOAD_TYPE, "96"), 0, 127, errors);
        List<Integer> slots =
                span.channels().stream().map(ChannelConfig::timeslot).sorted().toList();
        if (mode == PwMode.CESOPSN && slots.isEmpty()) {
            errors.add(new SpanConfigError(name, "channels", "CESoPSN needs at least one timeslot"));
        }
        int payload = mode == PwMode.SATOP ? fpp * span.type().bytesPerFrame() : fpp * slots.size();
        if (payload > 1440) {
            errors.add(new SpanConfigError(
                    name, FRAMES_PER_PACKET, "payload of " + payload + " bytes exceeds 1440 (one Ethernet MTU)"));
        }
        return new PwSpanOptions(mode, local, remote, fpp, jitter, fill, rtpText.equals("true"), pt, slots);
    }

    private static InetSocketAddress address(String span, String key, String text, List<SpanConfigError> errors) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            errors.add(new SpanConfigError(span, key, "'" + text + "' is not host:port"));
            return null;
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = integer(span, key, text.substring(colon + 1), 0, 65535, errors);
        if (port < 0) {
            return null;
        }
        var address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            errors.add(new SpanConfigError(span, key, "host '" + host + "' does not resolve"));
            return null;
        }
        return address;
    }

    private static int integer(String span, String key, String text, int min, int max, List<SpanConfigError> errors) {
        try {
            int v = Integer.parseInt(text.trim());
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
