package org.pstngw.tdm.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.pstngw.tdm.spi.Alarm;

/**
 * Loss of signal and AIS on the received bit stream, bit-exact and independent of frame alignment.
 *
 * <pre>
 * G.775 LOS: the signal has no transitions for N consecutive pulse intervals, 10 &lt;= N &lt;= 255 (E1); cleared when it
 *            has transitions for N intervals. Here: declared on the N-th consecutive zero; cleared at the end of a
 *            window of N bits that starts with a one and holds at least N/8 ones (the 12.5 % ones density by
 *            which framers read "has transitions"). E1 N = 255; T1 (T1.231: 175 +- 75 zeros) N = 175.
 * G.775 AIS: two or fewer zeros in each of two consecutive double-frame periods (512 bits on E1); cleared when each
 *            of two consecutive periods holds three or more, or when frame alignment is found.
 * </pre>
 *
 * Bits are fed in line order (most significant bit of each octet first). N must exceed 64 (words are 64 bits).
 * Allocation-free; one thread.
 */
final class LineMonitor {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final int losZeros;
    private final int periodBits;
    private final AlarmListener listener;
    private boolean los;
    private boolean ais;
    private boolean framed;
    private int zeroRun;
    private int windowLeft;
    private int windowOnes;
    private int windowTrailingZeros;
    private int periodLeft;
    private int periodZeros;
    private boolean previousLow;
    private boolean previousHigh;

    /**
     * @param losZeros N: consecutive zeros that declare LOS, and the length of the window that clears it (65..255)
     * @param periodBits AIS counting period: one double frame (512 for E1, 386 for T1)
     */
    LineMonitor(int losZeros, int periodBits, AlarmListener listener) {
        if (losZeros <= 64 || losZeros > 255) {
            throw new IllegalArgumentException("LOS threshold must be 65..255 zeros: " + losZeros);
        }
        this.losZeros = losZeros;
        this.periodBits = periodBits;
        this.periodLeft = periodBits;
        this.listener = listener;
    }

    /** Accounts {@code len} octets of the line, first bit in the most significant bit. */
    void bytes(byte[] data, int off, int len) {
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            word64((long) LONGS.get(data, i));
            i += 8;
        }
        while (i < end) {
            word((long) (data[i++] & 0xFF) << 56, 8);
        }
    }

    /** Accounts one bit (a T1 F bit). */
    void bit(int bit) {
        word((long) (bit & 1) << 63, 1);
    }

    /** Accounts the 24 channel octets of a T1 frame (192 bits). */
    void t1Payload(byte[] payload, int off) {
        word64((long) LONGS.get(payload, off));
        word64((long) LONGS.get(payload, off + 8));
        word64((long) LONGS.get(payload, off + 16));
    }

    /** Frame alignment is held (AIS is then cleared and not declared) or lost. */
    void framed(boolean aligned) {
        framed = aligned;
        if (aligned && ais) {
            setAis(false);
        }
    }

    /**
     * Accounts 64 bits. The common case, a signal with ones in this word that does not end a run of N zeros and a
     * word inside one AIS period, is a handful of bit operations; anything else takes the bit-exact path.
     */
    private void word64(long w) {
        if (!los && w != 0 && periodLeft >= 64 && zeroRun + Long.numberOfLeadingZeros(w) < losZeros) {
            zeroRun = Long.numberOfTrailingZeros(w);
            periodZeros += 64 - Long.bitCount(w);
            periodLeft -= 64;
            if (periodLeft == 0) {
                endPeriod();
            }
            return;
        }
        word(w, 64);
    }

    /** Accounts the top {@code n} bits of {@code w}, in order from bit 63. */
    private void word(long w, int n) {
        long bits = n == 64 ? w : w & (-1L << (64 - n));
        losBits(bits, n);
        aisBits(bits, n);
    }

    private void losBits(long w, int n) {
        int consumed = 0;
        while (consumed < n) {
            long rest = w << consumed;
            int left = n - consumed;
            if (!los) {
                int lead = rest == 0 ? left : Long.numberOfLeadingZeros(rest);
                if (zeroRun + lead >= losZeros) {
                    consumed += losZeros - zeroRun;
                    zeroRun = 0;
                    windowLeft = 0;
                    setLos(true);
                    continue;
                }
                zeroRun = rest == 0 ? zeroRun + left : Long.numberOfTrailingZeros(rest) - (64 - left);
                return;
            }
            if (windowLeft == 0) {
                if (rest == 0) {
                    return;
                }
                consumed += Long.numberOfLeadingZeros(rest);
                windowLeft = losZeros;
                windowOnes = 0;
                windowTrailingZeros = 0;
                continue;
            }
            int take = Math.min(left, windowLeft);
            long part = take == 64 ? rest : rest & (-1L << (64 - take));
            windowOnes += Long.bitCount(part);
            windowTrailingZeros =
                    part == 0 ? windowTrailingZeros + take : Long.numberOfTrailingZeros(part) - (64 - take);
            windowLeft -= take;
            consumed += take;
            if (windowLeft == 0 && windowOnes * 8 >= losZeros) {
                zeroRun = windowTrailingZeros;
                setLos(false);
            }
        }
    }

    private void aisBits(long w, int n) {
        long rest = w;
        int left = n;
        while (left > 0) {
            int take = Math.min(left, periodLeft);
            long part = take == 64 ? rest : rest & (-1L << (64 - take));
            periodZeros += take - Long.bitCount(part);
            periodLeft -= take;
            left -= take;
            rest = take == 64 ? 0 : rest << take;
            if (periodLeft == 0) {
                endPeriod();
            }
        }
    }

    private void endPeriod() {
        periodLeft = periodBits;
        boolean low = periodZeros < 3 && !framed;
        periodZeros = 0;
        if (!ais && low && previousLow) {
            setAis(true);
        } else if (ais && !low && previousHigh) {
            setAis(false);
        }
        previousLow = low;
        previousHigh = !low;
    }

    private void setLos(boolean on) {
        los = on;
        listener.alarmChanged(Alarm.LOS, on);
    }

    private void setAis(boolean on) {
        ais = on;
        listener.alarmChanged(Alarm.AIS, on);
    }

    boolean los() {
        return los;
    }

    boolean ais() {
        return ais;
    }
}
