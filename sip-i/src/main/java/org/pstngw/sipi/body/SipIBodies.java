package org.pstngw.sipi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.EncodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;

/**
 * SIP-I / SIP-T bodies (Q.1912.5, RFC 3372, RFC 3204): one call to build the body of an INVITE, 18x, 200 or BYE with
 * an ISUP message (and SDP when there is one), one call to take such a body apart. Works on (content type, bytes); the
 * SIP stack sets the Content-Type (and, for a single ISUP part, Content-Disposition) headers from {@link Body}.
 */
public final class SipIBodies {
    /** Boundary used on bodies we build (RFC 2046: 1-70 characters, none of which need quoting). */
    public static final String BOUNDARY = "pstngw-sipi-7d3f2a";

    /** What this gateway accepts, for the Accept header of a 415. */
    public static final String ACCEPT = "application/sdp, application/isup, multipart/mixed";

    private static final String MULTIPART_CONTENT_TYPE = "multipart/mixed;boundary=" + BOUNDARY;

    private SipIBodies() {}

    /**
     * A body ready for a SIP message.
     *
     * @param contentDisposition the Content-Disposition header when the body is the ISUP part alone, else empty
     */
    @SuppressWarnings("ArrayRecordComponent")
    public record Body(String contentType, Optional<String> contentDisposition, byte[] bytes) {}

    /** What {@link #build} gives: the body, or why the message cannot be put in one. */
    public sealed interface BuildResult {
        /** The body, or an {@link IllegalStateException} naming the failure (for tests). */
        Body orElseThrow();

        /** Built. */
        record Built(Body body) implements BuildResult {
            @Override
            public Body orElseThrow() {
                return body;
            }
        }

        /**
         * Not built: an ISUP version this gateway cannot encode, or a message that does not fit the version's
         * variant (see {@link EncodeResult.EncodeError}).
         */
        record Failed(String reason) implements BuildResult {
            @Override
            public Body orElseThrow() {
                throw new IllegalStateException(reason);
            }
        }
    }

    /** What {@link #parse} found. */
    public sealed interface Parsed {
        /**
         * A usable body. {@code isup} is the decoded message (its CIC is 0: a SIP-I body carries none) when an ISUP
         * part was present and understood; {@code ignored} says why an optional ISUP part was skipped.
         */
        record Content(
                Optional<byte[]> sdp,
                Optional<IsupMessage> isup,
                Optional<IsupVersion> version,
                Optional<String> ignored,
                List<BodyPart> otherParts)
                implements Parsed {}

        /**
         * The request must be rejected with {@code status}: 415 (with {@code accept} as the Accept header) for an
         * ISUP version we do not support with handling=required (RFC 3204 section 5, RFC 3261 21.4.13), 400 for a
         * body that cannot be parsed or a required ISUP part that cannot be decoded.
         */
        record Reject(int status, String reason, Optional<String> accept) implements Parsed {}
    }

    /** The ISUP part's Content-Type: {@code application/ISUP;version=..;base=..} (base only for national variants). */
    public static String isupContentType(IsupVersion version) {
        IsupVersion base = version.base();
        return base.equals(version)
                ? "application/ISUP;version=" + version.token()
                : "application/ISUP;version=" + version.token() + ";base=" + base.token();
    }

    /**
     * Builds the body. With SDP: multipart/mixed with the SDP first and the ISUP part (handling=required, the SIP-I
     * profile). Without: the ISUP part alone, its disposition in {@link Body#contentDisposition()}.
     */
    public static BuildResult build(Optional<byte[]> sdp, IsupMessage isup, IsupVersion version) {
        return build(sdp, isup, version, true);
    }

    /** As {@link #build(Optional, IsupMessage, IsupVersion)}, choosing handling=required or handling=optional. */
    public static BuildResult build(Optional<byte[]> sdp, IsupMessage isup, IsupVersion version, boolean required) {
        if (version.variant().isEmpty()) {
            return new BuildResult.Failed("ISUP version " + version.token() + " is not one this gateway encodes");
        }
        byte[] isupBytes;
        switch (IsupCodec.encodeWithoutCic(isup, version.variant().get())) {
            case EncodeResult.Encoded(byte[] bytes) -> isupBytes = bytes;
            case EncodeResult.EncodeError e -> {
                return new BuildResult.Failed(e.toString());
            }
        }
        String disposition = required ? "signal;handling=required" : "signal;handling=optional";
        if (sdp.isEmpty()) {
            return new BuildResult.Built(new Body(isupContentType(version), Optional.of(disposition), isupBytes));
        }
        List<BodyPart> parts = List.of(
                BodyPart.of("application/sdp", null, sdp.get()),
                BodyPart.of(isupContentType(version), disposition, isupBytes));
        return new BuildResult.Built(
                new Body(MULTIPART_CONTENT_TYPE, Optional.empty(), Multipart.build(BOUNDARY, parts)));
    }

    /** Takes a body apart; {@code contentDisposition} is the SIP message's header (null when absent). */
    public static Parsed parse(String contentType, String contentDisposition, byte[] body) {
        Optional<MediaType> type = MediaType.parse(contentType);
        if (type.isEmpty()) {
            return new Parsed.Reject(400, "Content-Type missing or malformed", Optional.empty());
        }
        MediaType t = type.get();
        if (t.is("application/sdp")) {
            return new Parsed.Content(
                    Optional.of(body.clone()), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        if (t.is("application/isup")) {
            Accumulator acc = new Accumulator();
            Parsed.Reject r = acc.isup(t, contentDisposition, body);
            return r != null ? r : acc.result();
        }
        if (!t.is("multipart/mixed")) {
            return new Parsed.Reject(415, "unsupported body type " + t.value(), Optional.of(ACCEPT));
        }
        Multipart.Result split = Multipart.parse(t.parameter("boundary").orElse(null), body);
        if (split instanceof Multipart.Result.Malformed(String reason)) {
            return new Parsed.Reject(400, "multipart body: " + reason, Optional.empty());
        }
        Accumulator acc = new Accumulator();
        for (BodyPart p : ((Multipart.Result.Parts) split).parts()) {
            Optional<MediaType> pt = MediaType.parse(p.contentType());
            if (pt.isPresent() && pt.get().is("application/sdp") && acc.sdp == null) {
                acc.sdp = p.raw();
            } else if (pt.isPresent() && pt.get().is("application/isup") && acc.isup == null) {
                Parsed.Reject r =
                        acc.isup(pt.get(), p.header("Content-Disposition").orElse(null), p.raw());
                if (r != null) {
                    return r;
                }
            } else {
                acc.others.add(p);
            }
        }
        return acc.result();
    }

    private static final class Accumulator {
        byte[] sdp;
        IsupMessage isup;
        IsupVersion version;
        String ignored;
        final List<BodyPart> others = new ArrayList<>(0);

        Parsed.Reject isup(MediaType type, String disposition, byte[] bytes) {
            boolean required = MediaType.parse(disposition)
                    .flatMap(d -> d.parameter("handling"))
                    .map(h -> !h.equalsIgnoreCase("optional"))
                    .orElse(true); // RFC 3261 20.11: handling defaults to required
            IsupVersion v = type.parameter("version").map(IsupVersion::valueOf).orElse(IsupVersion.ITU_T92_PLUS);
            if (!v.supported()) {
                Optional<IsupVersion> base =
                        type.parameter("base").map(IsupVersion::valueOf).filter(IsupVersion::supported);
                if (base.isPresent()) {
                    v = new IsupVersion(v.token(), base.get().variant());
                } else if (required) {
                    return new Parsed.Reject(415, "ISUP version " + v.token() + " not supported", Optional.of(ACCEPT));
                } else {
                    ignored = "ISUP version " + v.token() + " not supported (handling=optional)";
                    return null;
                }
            }
            DecodeResult r = IsupCodec.decodeWithoutCic(bytes, v.variant().orElseThrow(), 0);
            switch (r) {
                case DecodeResult.Decoded(IsupMessage m) -> {
                    isup = m;
                    version = v;
                }
                case DecodeResult.DecodeError e -> {
                    if (required) {
                        return new Parsed.Reject(400, e.toString(), Optional.empty());
                    }
                    ignored = e.toString();
                }
            }
            return null;
        }

        Parsed result() {
            return new Parsed.Content(
                    Optional.ofNullable(sdp).map(byte[]::clone),
                    Optional.ofNullable(isup),
                    Optional.ofNullable(version),
                    Optional.ofNullable(ignored),
                    List.copyOf(others));
        }
    }
}
