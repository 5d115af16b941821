package org.pstngw.sipi.body;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;

/**
 * Gathers the parts of one received body for {@link SipIBodies#parse}, applying each part's disposition. A part comes
 * as a {@link Source}: its content where it lies in the body, the {@link BodyPart} made only for a part kept in
 * {@code otherParts}.
 */
final class BodyReader {
    /** One part as the reader sees it. */
    interface Source {
        /** The array holding the content, from {@link #from()} to {@link #to()}. */
        byte[] array();

        int from();

        int to();

        /** The part as a {@link BodyPart} (headers and a copy of the content). */
        BodyPart bodyPart();
    }

    /** A body that is one part: its Content-Type and Content-Disposition come from the SIP message. */
    @SuppressWarnings("ArrayRecordComponent") // a view of the caller's body for one parse, never compared
    record Whole(String contentType, String contentDisposition, byte[] array) implements Source {
        @Override
        public int from() {
            return 0;
        }

        @Override
        public int to() {
            return array.length;
        }

        @Override
        public BodyPart bodyPart() {
            return BodyPart.of(contentType, contentDisposition, array);
        }
    }

    private final Map<String, IsupVersion> bilateral;
    private byte[] sdp;
    private IsupMessage isup;
    private IsupVersion version;
    private List<String> ignored = List.of();
    private List<BodyPart> others = List.of();

    /** @param bilateral national versions agreed with the peer, used without {@code base=} */
    BodyReader(Map<String, IsupVersion> bilateral) {
        this.bilateral = bilateral;
    }

    /** Takes one part; a reject when the part is required and cannot be used. */
    SipIBodies.Parsed.Reject part(Optional<MediaType> type, Disposition disposition, Source part) {
        if (type.isPresent() && type.get().is("application/sdp")) {
            if (!disposition.type().equals(Disposition.SESSION)) {
                return notUnderstood(disposition, part, "disposition " + disposition.type() + " for application/sdp");
            }
            if (sdp == null) {
                sdp = Arrays.copyOfRange(part.array(), part.from(), part.to());
            } else {
                other(part);
            }
            return null;
        }
        if (type.isPresent() && type.get().is("application/isup")) {
            if (!disposition.type().equals(Disposition.SIGNAL)) {
                return notUnderstood(disposition, part, "disposition " + disposition.type() + " for application/ISUP");
            }
            if (isup != null) {
                other(part);
                return null;
            }
            return isup(type.get(), disposition, part);
        }
        return notUnderstood(
                disposition, part, "body type " + type.map(MediaType::value).orElse("(malformed)"));
    }

    private SipIBodies.Parsed.Reject notUnderstood(Disposition disposition, Source part, String what) {
        if (disposition.required()) {
            return new SipIBodies.Parsed.Reject(415, what + " not supported", Optional.of(SipIBodies.ACCEPT));
        }
        other(part);
        return null;
    }

    private SipIBodies.Parsed.Reject isup(MediaType type, Disposition disposition, Source part) {
        Optional<String> token = type.parameter("version").filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            return unsupportedIsup(disposition, part, "application/ISUP without the version parameter (RFC 3204)");
        }
        IsupVersion v = IsupVersion.of(token.get(), type.parameter("base").filter(b -> !b.isBlank()), bilateral);
        if (!v.supported()) {
            return unsupportedIsup(disposition, part, "ISUP version " + v.token() + " not supported");
        }
        DecodeResult r = IsupCodec.decodeWithoutCic(
                part.array(), part.from(), part.to(), v.variant().orElseThrow(), 0);
        if (r instanceof DecodeResult.Decoded(IsupMessage m)) {
            isup = m;
            version = v;
            return null;
        }
        if (disposition.required()) {
            return new SipIBodies.Parsed.Reject(400, r.toString(), Optional.empty());
        }
        ignore(r.toString());
        other(part);
        return null;
    }

    private SipIBodies.Parsed.Reject unsupportedIsup(Disposition disposition, Source part, String reason) {
        if (disposition.required()) {
            return new SipIBodies.Parsed.Reject(415, reason, Optional.of(SipIBodies.ACCEPT));
        }
        ignore(reason + " (handling=optional)");
        other(part);
        return null;
    }

    private void other(Source part) {
        if (others.isEmpty()) {
            others = new ArrayList<>(2);
        }
        others.add(part.bodyPart());
    }

    private void ignore(String reason) {
        if (ignored.isEmpty()) {
            ignored = new ArrayList<>(1);
        }
        ignored.add(reason);
    }

    /**
     * The content found. The SDP octets are a copy made for the result, which nothing else holds: they are handed out
     * without another copy.
     */
    SipIBodies.Parsed result() {
        return new SipIBodies.Parsed.Content(
                Optional.ofNullable(sdp),
                Optional.ofNullable(isup),
                Optional.ofNullable(version),
                ignored.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", ignored)),
                List.copyOf(others));
    }
}
