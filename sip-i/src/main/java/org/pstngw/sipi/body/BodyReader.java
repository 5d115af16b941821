package org.pstngw.sipi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;

/** Gathers the parts of one received body for {@link SipIBodies#parse}, applying each part's disposition. */
final class BodyReader {
    private byte[] sdp;
    private IsupMessage isup;
    private IsupVersion version;
    private final List<String> ignored = new ArrayList<>(0);
    private final List<BodyPart> others = new ArrayList<>(0);

    /** Takes one part; a reject when the part is required and cannot be used. */
    SipIBodies.Parsed.Reject part(Optional<MediaType> type, Disposition disposition, BodyPart part) {
        if (type.isPresent() && type.get().is("application/sdp")) {
            if (!disposition.type().equals(Disposition.SESSION)) {
                return notUnderstood(disposition, part, "disposition " + disposition.type() + " for application/sdp");
            }
            if (sdp == null) {
                sdp = part.raw();
            } else {
                others.add(part);
            }
            return null;
        }
        if (type.isPresent() && type.get().is("application/isup")) {
            if (!disposition.type().equals(Disposition.SIGNAL)) {
                return notUnderstood(disposition, part, "disposition " + disposition.type() + " for application/ISUP");
            }
            if (isup != null) {
                others.add(part);
                return null;
            }
            return isup(type.get(), disposition, part);
        }
        return notUnderstood(
                disposition, part, "body type " + type.map(MediaType::value).orElse("(malformed)"));
    }

    private SipIBodies.Parsed.Reject notUnderstood(Disposition disposition, BodyPart part, String what) {
        if (disposition.required()) {
            return new SipIBodies.Parsed.Reject(415, what + " not supported", Optional.of(SipIBodies.ACCEPT));
        }
        others.add(part);
        return null;
    }

    private SipIBodies.Parsed.Reject isup(MediaType type, Disposition disposition, BodyPart part) {
        Optional<String> token = type.parameter("version");
        if (token.isEmpty()) {
            return unsupportedIsup(disposition, part, "application/ISUP without the version parameter (RFC 3204)");
        }
        IsupVersion v = IsupVersion.of(token.get(), type.parameter("base"));
        if (!v.supported()) {
            return unsupportedIsup(disposition, part, "ISUP version " + v.token() + " not supported");
        }
        DecodeResult r = IsupCodec.decodeWithoutCic(part.raw(), v.variant().orElseThrow(), 0);
        switch (r) {
            case DecodeResult.Decoded(IsupMessage m) -> {
                isup = m;
                version = v;
            }
            case DecodeResult.DecodeError e -> {
                if (disposition.required()) {
                    return new SipIBodies.Parsed.Reject(400, e.toString(), Optional.empty());
                }
                ignored.add(e.toString());
                others.add(part);
            }
        }
        return null;
    }

    private SipIBodies.Parsed.Reject unsupportedIsup(Disposition disposition, BodyPart part, String reason) {
        if (disposition.required()) {
            return new SipIBodies.Parsed.Reject(415, reason, Optional.of(SipIBodies.ACCEPT));
        }
        ignored.add(reason + " (handling=optional)");
        others.add(part);
        return null;
    }

    SipIBodies.Parsed result() {
        return new SipIBodies.Parsed.Content(
                Optional.ofNullable(sdp).map(byte[]::clone),
                Optional.ofNullable(isup),
                Optional.ofNullable(version),
                ignored.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", ignored)),
                List.copyOf(others));
    }
}
