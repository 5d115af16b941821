package org.pstngw.sip.transaction.interim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pstngw.sip.transport.StreamFraming;

class MessageSplitterTest {

    private static final String GOOD = """
            OPTIONS sip:a@b SIP/2.0
            Via: SIP/2.0/UDP h:5060;branch=z9hG4bK1
            From: <sip:x@y>;tag=1
            To: <sip:a@b>
            Call-ID: c
            CSeq: 1 OPTIONS
            Content-Length: 0

            """.replace("\n", "\r\n");

    @Test
    void wellFormedRequestSplitsWithCompactFormsAndFoldedLines() {
        String text = GOOD.replace("Call-ID: c", "i: c\r\n x").replace("Content-Length: 0", "l: 0");
        var r = MessageSplitter.split(text.getBytes(StandardCharsets.UTF_8));
        assertThat(r).isInstanceOf(MessageSplitter.Result.Parsed.class);
        SipMessage m = ((MessageSplitter.Result.Parsed) r).message();
        assertThat(m.value("Call-ID")).isEqualTo("c x");
        assertThat(new String(m.encode(), StandardCharsets.UTF_8)).contains("Content-Length: 0\r\n\r\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "CSeq: 1 OPTIONS|CSeq: x OPTIONS|Malformed CSeq header",
                "CSeq: 1 OPTIONS|CSeq: 1 INVITE|CSeq method does not match the request method",
                "Call-ID: c|X-Other: c|Missing Call-ID header",
                "Via: SIP/2.0/UDP|Via: SIP/3.0/UDP|Malformed Via header",
                "Content-Length: 0|Content-Length: 9|Content-Length larger than the body",
                "OPTIONS sip:a@b SIP/2.0|OPTIONS sip:a@b SIP/3.0|Bad request line",
                "To: <sip:a@b>|To <sip:a@b>|Malformed header line 4",
            })
    void eachDefectIsNamed(String from, String to, String reason) {
        var r = MessageSplitter.split(GOOD.replace(from, to).getBytes(StandardCharsets.UTF_8));
        assertThat(r).isInstanceOf(MessageSplitter.Result.Malformed.class);
        var bad = (MessageSplitter.Result.Malformed) r;
        assertThat(bad.reason()).isEqualTo(reason);
        assertThat(bad.request()).isTrue();
    }

    @Test
    void responseDefectsAreMarkedAsResponses() {
        var r = MessageSplitter.split("SIP/2.0 2000 OK\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(((MessageSplitter.Result.Malformed) r).request()).isFalse();
    }

    @Test
    void streamFramingUsesContentLengthAndRejectsStreamsWithout() {
        String withBody = GOOD.replace("Content-Length: 0", "Content-Length: 3") + "abcNEXT";
        var f = MessageSplitter.FRAMING.frame(ByteBuffer.wrap(withBody.getBytes(StandardCharsets.UTF_8)), 65_535);
        assertThat(f).isEqualTo(new StreamFraming.Frame.Complete(withBody.length() - 4));
        var partial = MessageSplitter.FRAMING.frame(
                ByteBuffer.wrap(GOOD.substring(0, 40).getBytes(StandardCharsets.UTF_8)), 65_535);
        assertThat(partial).isInstanceOf(StreamFraming.Frame.Incomplete.class);
        var none = MessageSplitter.FRAMING.frame(ByteBuffer.wrap("X\r\n\r\n".getBytes(StandardCharsets.UTF_8)), 65_535);
        assertThat(none).isInstanceOf(StreamFraming.Frame.Invalid.class);
        var big = MessageSplitter.FRAMING.frame(ByteBuffer.wrap(withBody.getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(big).isInstanceOf(StreamFraming.Frame.Invalid.class);
    }
}
