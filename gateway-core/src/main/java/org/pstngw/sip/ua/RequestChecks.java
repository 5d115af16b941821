package org.pstngw.sip.ua;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pstngw.conf.SipConfig;
import org.pstngw.sip.message.ContentDisposition;
import org.pstngw.sip.message.MediaType;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;

/**
 * The UAS checks of RFC 3261 8.2 that need no dialog, in the section's order: method (8.2.1: 405 with Allow), Request-URI
 * scheme (8.2.2.1: 416), Require (8.2.2.3: 420 with Unsupported; and with rel100 required, an INVITE that does not
 * support 100rel gets 421, RFC 3262 3), then the content (8.2.3: 415 with Accept or
 * Accept-Encoding) and the answer's acceptable types (Accept without SDP: 406, as RFC 4475 3.3.15 suggests). An INVITE
 * that would create a dialog must have a readable Record-Route (the route set of 12.1.1): one that does not parse is a
 * 400 naming it, before any call exists. Merged requests (8.2.2.2) and dialog matching need the UA's state and follow
 * in {@link UserAgentCore}.
 */
final class RequestChecks {
    private RequestChecks() {}

    /** Bodies this UA takes as an offer or answer (SDP, SIP-I/SIP-T multipart, bare ISUP). */
    private static final List<String> SESSION_BODIES =
            List.of("application/sdp", "multipart/mixed", "application/isup");

    /** The rejection of {@code request}, or empty when it passes. */
    static Optional<SipResponse> reject(SipRequest request, UaContext ctx) {
        Replies replies = ctx.replies;
        if (!Capabilities.METHODS.contains(request.method())) {
            return Optional.of(Capabilities.methodNotAllowed(request, ctx));
        }
        String scheme = request.requestUri().scheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return Optional.of(replies.of(request, SipStatus.UNSUPPORTED_URI_SCHEME));
        }
        List<String> unsupported = Capabilities.unsupported(request, ctx.settings);
        if (!unsupported.isEmpty()) {
            return Optional.of(replies.builder(request, SipStatus.BAD_EXTENSION)
                    .header("Unsupported", String.join(", ", unsupported))
                    .buildResponse());
        }
        if (request.isInvite()
                && request.to().tag() == null
                && ctx.settings.rel100() == SipConfig.Rel100.REQUIRED
                && !Capabilities.hasOption(request, "100rel")) {
            return Optional.of(replies.builder(request, SipStatus.EXTENSION_REQUIRED)
                    .header("Require", "100rel")
                    .buildResponse());
        }
        if (request.isInvite() && request.to().tag() == null) {
            Optional<SipResponse> routes = recordRoute(request, replies);
            if (routes.isPresent()) {
                return routes;
            }
        }
        if (carriesSession(request.method())) {
            Optional<SipResponse> content = content(request, replies);
            if (content.isPresent()) {
                return content;
            }
        }
        if (request.isInvite() && !acceptsSdp(request)) {
            return Optional.of(replies.builder(request, SipStatus.NOT_ACCEPTABLE)
                    .header("Warning", "399 pstngw \"an answer can only be application/sdp or multipart/mixed\"")
                    .buildResponse());
        }
        return Optional.empty();
    }

    private static Optional<SipResponse> recordRoute(SipRequest request, Replies replies) {
        try {
            request.recordRoutes();
            return Optional.empty();
        } catch (RuntimeException e) {
            String defect = String.valueOf(e.getMessage()).replaceAll("[\\p{Cntrl}]", " ");
            return Optional.of(
                    replies.of(request, SipStatus.BAD_REQUEST.withReason("Invalid Record-Route: " + defect)));
        }
    }

    private static boolean carriesSession(SipMethod m) {
        return m.equals(SipMethod.INVITE) || m.equals(SipMethod.UPDATE) || m.equals(SipMethod.PRACK);
    }

    /** 8.2.3: a body of a type or encoding this UA does not understand, unless its disposition is optional. */
    private static Optional<SipResponse> content(SipRequest request, Replies replies) {
        if (request.bodyLength() == 0) {
            return Optional.empty();
        }
        Optional<String> encoding = request.header("Content-Encoding");
        if (encoding.isPresent() && !encoding.get().strip().equalsIgnoreCase("identity")) {
            return Optional.of(replies.builder(request, SipStatus.UNSUPPORTED_MEDIA_TYPE)
                    .header("Accept-Encoding", "identity")
                    .header("Accept", UaContext.ACCEPT)
                    .buildResponse());
        }
        boolean known;
        boolean optional;
        try {
            Optional<MediaType> type = request.contentType();
            known = type.isPresent()
                    && SESSION_BODIES.contains(
                            type.get().type() + "/" + type.get().subtype());
            optional = request.contentDisposition()
                    .map(ContentDisposition::required)
                    .map(required -> !required)
                    .orElse(false);
        } catch (RuntimeException malformedType) {
            known = false;
            optional = false;
        }
        if (known || optional) {
            return Optional.empty();
        }
        return Optional.of(replies.builder(request, SipStatus.UNSUPPORTED_MEDIA_TYPE)
                .header("Accept", UaContext.ACCEPT)
                .buildResponse());
    }

    /** No Accept means application/sdp (RFC 3261 20.1); else it must admit SDP or multipart/mixed. */
    private static boolean acceptsSdp(SipRequest request) {
        List<String> accept = request.headerValues("Accept");
        if (accept.isEmpty()) {
            return true;
        }
        for (String range : accept) {
            int semi = range.indexOf(';');
            String r = (semi < 0 ? range : range.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            if (r.equals("*/*")
                    || r.equals("application/*")
                    || r.equals("application/sdp")
                    || r.equals("multipart/*")
                    || r.equals("multipart/mixed")) {
                return true;
            }
        }
        return false;
    }
}
