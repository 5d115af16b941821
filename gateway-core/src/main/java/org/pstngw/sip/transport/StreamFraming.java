package org.pstngw.sip.transport;

import java.nio.ByteBuffer;

/**
 * Finds the first whole SIP message at the start of the bytes read so far from a stream (RFC 3261 18.3: the header
 * ends at the empty line, Content-Length gives the body). Pure: the Netty decoder owns the buffer.
 */
@FunctionalInterface
public interface StreamFraming {

    /** What the framer found. */
    sealed interface Frame {
        /** A whole message of {@code length} bytes starts the view. */
        record Complete(int length) implements Frame {}

        /** Not enough bytes yet. */
        record Incomplete() implements Frame {}

        /** The stream cannot be framed (no or bad Content-Length, oversize): close the connection. */
        record Invalid(String reason) implements Frame {}
    }

    /**
     * Looks for one whole message at the start of {@code view}.
     *
     * @param view the unread bytes, position at the first (not consumed by this call)
     * @param maxMessageSize the largest message allowed
     */
    Frame frame(ByteBuffer view, int maxMessageSize);
}
