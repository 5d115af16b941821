package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;

/** A received request or response as the application reads it: its first line, headers by name, and its body. */
public interface IncomingMessage {

    /** The request method, or the CSeq method of a response. */
    String method();

    /** The status of a response, 0 for a request. */
    int status();

    /** The Request-URI of a request, empty for a response. */
    String requestUri();

    /** The values of the named header (compact forms too), in order. */
    List<String> headers(String name);

    /** The first value of the named header. */
    default Optional<String> header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The body with its Content-Type, if the message has one. */
    Optional<Body> body();
}
