package org.pstngw.sipi.body;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pstngw.sipi.isup.EncodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;

/**
 * SIP-I / SIP-T bodies (Q.1912.5, RFC 3372, RFC 3204): one call to build the body of an INVITE, 18x, 200 or BYE with
 * an ISUP message (and SDP when there is one), one call to take such a body apart. Works on (content type, bytes); the
 * SIP stack sets the Content-Type (and, for a single ISUP part, Content-Disposition) headers from {@link Body}.
 *
 * <p>Receiving follows RFC 3261 8.2.3 and 20.11 with RFC 5621 for multipart bodies: each body part (or the single
 * body) has a disposition type and a handling, required unless it says {@code handling=optional}. A part whose content
 * type is not understood (anything but application/sdp, application/ISUP and, at the top, multipart/mixed), or whose
 * disposition is not the one this gateway applies to its type ({@code session} for SDP, {@code signal} for ISUP, RFC
 * 3204), is rejected with 415 when required and skipped when optional. An application/ISUP part whose version is not
 * supported, or which lacks the {@code version} parameter RFC 3204 makes required, is handled the same way (a
 * {@code base=} naming a supported RFC 3204 Table 1 value makes a national version supported).
 */
public final class SipIBodies {
    private static final String REQUIRED = "signal;handling=required";
    private static final String OPTIONAL = "signal;handling=optional";
    /** RFC 2045 tspecials, which a token cannot hold. */
    private static final boolean[] TSPECIALS = Multipart.charTable("()<>@,;:\\\"/[]?=");

    /**
     * isupContentType of each Table 1 value, made once (declared before ACCEPT, which uses it); the tokens are checked
     * here, so that {@link #build} need not check them for every body.
     */
    private static final List<String> TABLE_1_CONTENT_TYPES =
            IsupVersion.TABLE_1.stream().map(SipIBodies::table1ContentType).toList();

    /** Boundary preferred on bodies we build (another one is derived when it occurs in a part). */
    public static final String BOUNDARY = "pstngw-sipi-7d3f2a";

    /** What this gateway accepts, for the Accept header of a 415: the media types and each supported ISUP version. */
    public static final String ACCEPT = "application/sdp, "
            + IsupVersion.supportedVersions().stream()
                    .map(SipIBodies::isupContentType)
                    .collect(Collectors.joining(", "))
            + ", multipart/mixed";

    private static final String MULTIPART_CONTENT_TYPE = "multipart/mixed;boundary=" + BOUNDARY;

    /** For each Table 1 version, the SDP + ISUP multipart templates with handling=required and =optional. */
    private static final List<MultipartTemplate> TEMPLATES = IsupVersion.TABLE_1.stream()
            .flatMap(v -> Stream.of(REQUIRED, OPTIONAL)
                    .map(d -> MultipartTemplate.of(
                            BOUNDARY,
                            List.of(
                                    List.of(Map.entry("Content-Type", "application/sdp")),
                                    List.of(
                                            Map.entry("Content-Type", contentTypeOf(v)),
                                            Map.entry("Content-Disposition", d))))))
            .toList();

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
         * A usable body. {@code isup} is the decoded message (its CIC is 0: a SIP-I body carries none; put the
         * circuit's with {@link IsupMessage#withCic}) when an ISUP part was present and understood; {@code ignored} says why an optional ISUP part was skipped;
         * {@code otherParts} holds the parts not used (optional parts not understood, a second SDP or ISUP part).
         */
        record Content(
                Optional<byte[]> sdp,
                Optional<IsupMessage> isup,
                Optional<IsupVersion> version,
                Optional<String> ignored,
                List<BodyPart> otherParts)
                implements Parsed {}

        /**
         * The request must be rejected with {@code status}: 415 (with {@code accept} as the Accept header) for a
         * required part this gateway does not understand (content type, disposition or ISUP version: RFC 3204
         * section 3.1, RFC 3261 21.4.13), 400 for a body that cannot be parsed or a required ISUP part that cannot be
         * decoded.
         *
         * <p>The status is what a request gets. A body that comes in a response (18x, 200) cannot be answered with a
         * status: the caller maps the reject, e.g. to CANCEL or BYE with a Reason header, or to ACK then BYE for a
         * 200 to INVITE (RFC 3204 section 3.1 and RFC 3261 leave the response case to the UA).
         */
        record Reject(int status, String reason, Optional<String> accept) implements Parsed {}
    }

    /**
     * The ISUP part's Content-Type: {@code application/ISUP;version=..} with {@code ;base=..} for a version outside
     * RFC 3204 Table 1.
     */
    public static String isupContentType(IsupVersion version) {
        int i = IsupVersion.table1Index(version);
        return i >= 0 ? TABLE_1_CONTENT_TYPES.get(i) : contentTypeOf(version);
    }

    private static String table1ContentType(IsupVersion version) {
        if (!isToken(version.token())
                || !version.baseToken().map(SipIBodies::isToken).orElse(true)) {
            throw new IllegalStateException("RFC 3204 Table 1 version " + version.token() + " is not a token");
        }
        return contentTypeOf(version);
    }

    private static String contentTypeOf(IsupVersion version) {
        return "application/ISUP;version=" + version.token()
                + version.baseToken().map(b -> ";base=" + b).orElse("");
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
        int t = IsupVersion.table1Index(version);
        if (t < 0 // a Table 1 value's tokens are RFC 3204's, tokens all (checked once, for TABLE_1_CONTENT_TYPES)
                && (!isToken(version.token())
                        || !version.baseToken().map(SipIBodies::isToken).orElse(true))) {
            return new BuildResult.Failed("ISUP version " + version.token() + " is not an RFC 2045 token");
        }
        EncodeResult encoded =
                IsupCodec.encodeWithoutCic(isup, version.variant().get());
        if (encoded instanceof EncodeResult.EncodeError e) {
            return new BuildResult.Failed(e.toString());
        }
        byte[] isupBytes = ((EncodeResult.Encoded) encoded).bytes();
        String disposition = required ? REQUIRED : OPTIONAL;
        if (sdp.isEmpty()) {
            return new BuildResult.Built(new Body(isupContentType(version), Optional.of(disposition), isupBytes));
        }
        Multipart.Built multipart = t >= 0
                ? TEMPLATES.get(2 * t + (required ? 0 : 1)).build(sdp.get(), isupBytes)
                : Multipart.build(
                        BOUNDARY,
                        List.of(
                                BodyPart.of("application/sdp", null, sdp.get()),
                                BodyPart.of(isupContentType(version), disposition, isupBytes)));
        String contentType = multipart.boundary().equals(BOUNDARY) ? MULTIPART_CONTENT_TYPE : multipart.contentType();
        return new BuildResult.Built(new Body(contentType, Optional.empty(), multipart.body()));
    }

    /** RFC 2045 token: 1 or more US-ASCII printable characters other than tspecials. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7F || TSPECIALS[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes a body apart; {@code contentDisposition} is the SIP message's header (null when absent), a null
     * {@code bytes} an empty body. A multipart/mixed body may hold one more level of multipart/mixed (RFC 5621).
     */
    public static Parsed parse(String contentType, String contentDisposition, byte[] bytes) {
        return parse(contentType, contentDisposition, bytes, Map.of());
    }

    /**
     * As {@link #parse(String, String, byte[])}, reading an ISUP {@code version=} outside RFC 3204 Table 1 that comes
     * without {@code base=} as the national version agreed with the peer ({@code bilateral}, by token; see
     * {@link IsupVersion#of(String, Optional, Map)}).
     */
    public static Parsed parse(
            String contentType, String contentDisposition, byte[] bytes, Map<String, IsupVersion> bilateral) {
        byte[] body = bytes == null ? new byte[0] : bytes;
        String boundary = MediaTypeScanner.multipartBoundary(contentType);
        if (boundary != null) { // the usual multipart/mixed Content-Type: its boundary read without a MediaType
            BodyReader reader = new BodyReader(bilateral);
            Parsed.Reject r = parts(reader, boundary, body, 0);
            return r != null ? r : reader.result();
        }
        Optional<MediaType> type = MediaType.parse(contentType);
        if (type.isEmpty()) {
            return new Parsed.Reject(400, "Content-Type missing or malformed", Optional.empty());
        }
        BodyReader reader = new BodyReader(bilateral);
        if (!type.get().is("multipart/mixed")) {
            BodyReader.Whole whole = new BodyReader.Whole(contentType, contentDisposition, body);
            Parsed.Reject r = reader.part(type, Disposition.of(contentDisposition, type), whole);
            return r != null ? r : reader.result();
        }
        Parsed.Reject r = parts(reader, type.get().parameter("boundary").orElse(null), body, 0);
        return r != null ? r : reader.result();
    }

    /**
     * Reads the parts of a multipart/mixed body (its boundary parameter, null when it has none) into {@code reader}. A multipart/mixed part (RFC 5621 allows nesting)
     * is read in turn, one level deep; a deeper one is a part of a type not understood.
     */
    private static Parsed.Reject parts(BodyReader reader, String boundary, byte[] body, int depth) {
        MultipartReader.Split split = MultipartReader.split(boundary, body);
        if (split.parts() == null) {
            return new Parsed.Reject(
                    400,
                    (depth == 0 ? "multipart body: " : "nested multipart body: ") + split.malformed(),
                    Optional.empty());
        }
        for (int i = 0; i < split.parts().size(); i++) {
            MultipartReader.Part p = split.parts().part(i);
            Optional<MediaType> pt = PartHeaders.contentType(p);
            Parsed.Reject r = depth == 0 && pt.isPresent() && pt.get().is("multipart/mixed")
                    ? parts(
                            reader,
                            pt.get().parameter("boundary").orElse(null),
                            Arrays.copyOfRange(p.array(), p.from(), p.to()),
                            depth + 1)
                    : reader.part(pt, PartHeaders.disposition(p, pt), p);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
