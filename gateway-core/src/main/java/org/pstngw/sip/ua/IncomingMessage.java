package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;

/** A received request or response as the application reads it: its first line, headers by name, and its body. */
public interface IncomingMessage {

    /** The request method, or the CSeq method of a response. */
    SipMethod method();

    /** The status of a response (with its reason phrase as received); empty for a request. */
    Optional<SipStatus> status();

    /** The Request-URI of a request as written, empty for a response. */
    String requestUri();

    /**
     * The values of the named header (compact forms too), in order: one per field, and a field of a header defined as
     * a comma-separated list (Via, Contact, Supported, ...) split into its elements. Commas of any other header, known
     * or not, are part of its value.
     */
    List<String> headers(String name);

    /** The first value of the named header. */
    default Optional<String> header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The body with its Content-Type, if the message has one. */
    Optional<Body> body();

    /** The message itself, for typed access to its headers. */
    SipMessage message();
}
