package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A parsed message is read by more than one thread (the call lane, then the application's thread through {@code
 * IncomingMessage.message()}): its lazily built headers must be safely published. Every field of the message that is
 * not final must be volatile, and concurrent first reads agree.
 */
class MessageCachesTest {

    @Test
    void everyLazyCacheOfAMessageIsVolatile() {
        List<String> unsafe = new ArrayList<>();
        for (Field f : BaseMessage.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m)
                    && !f.getType().isPrimitive()
                    && !Modifier.isFinal(m)
                    && !Modifier.isVolatile(m)) {
                unsafe.add(f.getName());
            }
        }
        assertThat(unsafe)
                .as("cache fields read across threads without safe publication")
                .isEmpty();
    }

    @Test
    void threadsReadingAFreshMessageAtOnceSeeTheSameHeaders() throws Exception {
        String text = "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKcache, SIP/2.0/TCP 192.0.2.1;branch=z9hG4bKx\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>\r\n"
                + "Contact: <sip:a@127.0.0.1:5070>\r\nCall-ID: cache1\r\nCSeq: 7 INVITE\r\nContent-Length: 0\r\n\r\n";
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < 50; round++) {
                readAtOnce(text, threads);
            }
        }
    }

    private static void readAtOnce(String text, ExecutorService threads) throws Exception {
        SipMessage m = ((ParseResult.Parsed) SipParser.parse(text.getBytes(StandardCharsets.UTF_8))).message();
        CyclicBarrier start = new CyclicBarrier(4);
        List<CompletableFuture<String>> reads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            reads.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            start.await(5, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return m.vias().size() + " " + m.topVia().branch() + " "
                                + m.from().tag() + " " + m.cseq().number() + " "
                                + m.contacts().size();
                    },
                    threads));
        }
        for (CompletableFuture<String> r : reads) {
            assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo("2 z9hG4bKcache 1 7 1");
        }
    }
}
