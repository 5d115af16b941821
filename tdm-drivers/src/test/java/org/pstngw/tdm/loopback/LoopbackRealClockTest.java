package org.pstngw.tdm.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.clock.RealFrameClock;
import org.pstngw.tdm.spi.Channel;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.Span;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;
import org.pstngw.tdm.spi.TdmDriver;
import org.pstngw.tdm.spi.TdmDrivers;

class LoopbackRealClockTest {
    @Test
    void audioCrossesAPairOnTheRealClock() throws InterruptedException {
        RealFrameClock clock = new RealFrameClock(80, "loopback-test-clock");
        try (clock;
                TdmDriver driver = TdmDrivers.open("loopback", DriverContext.of(clock))) {
            Span a = driver.openSpan(SpanConfig.full("a", SpanType.E1, 0).withOptions(Map.of("peer", "b")));
            Span b = driver.openSpan(SpanConfig.full("b", SpanType.E1, 0).withOptions(Map.of("peer", "a")));
            driver.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!a.alarms().isEmpty() || !b.alarms().isEmpty()) {
                assertThat(System.nanoTime()).as("alignment within 10 s").isLessThan(deadline);
                Thread.sleep(1);
            }
            Channel tx = a.channel(7).orElseThrow();
            Channel rx = b.channel(7).orElseThrow();
            byte[] audio = new byte[160];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = (byte) (i * 7);
            }
            rx.read(new byte[2000], 0, 2000);
            tx.write(audio, 0, 160);
            byte[] got = new byte[4000];
            int n = 0;
            while (n < 400 && System.nanoTime() < deadline) {
                n += rx.read(got, n, got.length - n);
                Thread.sleep(5);
            }
            int at = indexOf(got, n, audio);
            assertThat(at)
                    .as("the 160 bytes arrive in order, between idle codes")
                    .isGreaterThanOrEqualTo(0);
            assertThat(a.counters().framesSent()).isGreaterThan(0);
        }
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        for (int i = 0; i + needle.length <= length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
