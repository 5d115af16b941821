package org.pstngw.isup.sim;

import java.time.Duration;
import java.util.Objects;
import org.pstngw.isup.link.M3uaSettings;

/**
 * What the simulated exchange is: its M3UA node, its circuits and how it answers calls.
 *
 * @param link its M3UA node (an SGW server by default); its OPC is the exchange's point code, its DPC ours
 * @param firstCic CIC of its first circuit
 * @param circuits number of circuits, CICs {@code firstCic .. firstCic + circuits - 1}; other CICs are unequipped
 * @param rules behaviour per called number
 * @param continuityTimeout T8: how long an incoming call that asked for a continuity check waits for COT
 * @param digitTimeout T35: how long an incomplete number (overlap) waits for the next SAM
 * @param addressCompleteTimeout T7: how long a call the exchange originated waits for ACM or CON
 * @param eventCapacity how many recent events the {@link EventLog} keeps
 */
public record ExchangeSettings(
        M3uaSettings link,
        int firstCic,
        int circuits,
        Rules rules,
        Duration continuityTimeout,
        Duration digitTimeout,
        Duration addressCompleteTimeout,
        int eventCapacity) {

    /** Q.764 Annex A: T7 20-30 s, T8 10-15 s, T35 15-20 s. */
    public static final Duration DEFAULT_T7 = Duration.ofSeconds(20);

    public static final Duration DEFAULT_T8 = Duration.ofSeconds(10);
    public static final Duration DEFAULT_T35 = Duration.ofSeconds(15);
    public static final int DEFAULT_EVENT_CAPACITY = 10_000;

    public ExchangeSettings {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(continuityTimeout, "continuityTimeout");
        Objects.requireNonNull(digitTimeout, "digitTimeout");
        Objects.requireNonNull(addressCompleteTimeout, "addressCompleteTimeout");
        int maxCic = link.labelFormat() == M3uaSettings.LabelFormat.ANSI ? 16383 : 4095;
        if (firstCic < 0 || circuits < 1 || firstCic + circuits - 1 > maxCic) {
            throw new IllegalArgumentException(
                    "circuits " + firstCic + " + " + circuits + " do not fit the CIC range 0.." + maxCic);
        }
        if (eventCapacity < 0) {
            throw new IllegalArgumentException("eventCapacity must be >= 0");
        }
    }

    /** Q.764 default timers (T7 20 s, T8 10 s, T35 15 s) and a log of {@value #DEFAULT_EVENT_CAPACITY} events. */
    public ExchangeSettings(M3uaSettings link, int firstCic, int circuits, Rules rules) {
        this(link, firstCic, circuits, rules, DEFAULT_T8, DEFAULT_T35, DEFAULT_T7, DEFAULT_EVENT_CAPACITY);
    }

    public ExchangeSettings withTimers(Duration t8, Duration t35) {
        return new ExchangeSettings(link, firstCic, circuits, rules, t8, t35, addressCompleteTimeout, eventCapacity);
    }

    public ExchangeSettings withAddressCompleteTimeout(Duration t7) {
        return new ExchangeSettings(
                link, firstCic, circuits, rules, continuityTimeout, digitTimeout, t7, eventCapacity);
    }

    public boolean equipped(int cic) {
        return cic >= firstCic && cic < firstCic + circuits;
    }
}
