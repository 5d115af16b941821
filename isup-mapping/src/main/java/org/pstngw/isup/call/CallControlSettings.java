package org.pstngw.isup.call;

import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * How one circuit group's call control behaves (mapped from conf by {@code config.CallControlFromConf}).
 *
 * @param timers Q.764 timer values
 * @param hunting how outgoing calls choose a circuit
 * @param glare which CICs we control on dual seizure
 * @param networkIndicator MTP3 network indicator of what we send (0 international, 2 national)
 * @param variant the ISUP dialect of the codec (procedures follow Q.764 either way)
 */
public record CallControlSettings(
        IsupTimers timers,
        HuntingStrategy hunting,
        DualSeizure.Control glare,
        int networkIndicator,
        IsupVariant variant) {

    public CallControlSettings {
        if (timers == null || hunting == null || glare == null || variant == null) {
            throw new IllegalArgumentException("call control settings need timers, hunting, glare and variant");
        }
        if (networkIndicator < 0 || networkIndicator > 3) {
            throw new IllegalArgumentException("network indicator must be 0..3, got " + networkIndicator);
        }
    }

    /** conf's defaults: Q.764 timers, controlled circuits first, glare by point codes, national, ITU. */
    public static CallControlSettings defaults() {
        return new CallControlSettings(
                IsupTimers.defaults(), HuntingStrategy.CONTROLLED_FIRST, DualSeizure.Control.AUTO, 2, IsupVariant.ITU);
    }

    public CallControlSettings withTimers(IsupTimers value) {
        return new CallControlSettings(value, hunting, glare, networkIndicator, variant);
    }

    public CallControlSettings withHunting(HuntingStrategy value) {
        return new CallControlSettings(timers, value, glare, networkIndicator, variant);
    }

    public CallControlSettings withGlare(DualSeizure.Control value) {
        return new CallControlSettings(timers, hunting, value, networkIndicator, variant);
    }

    public CallControlSettings withNetworkIndicator(int value) {
        return new CallControlSettings(timers, hunting, glare, value, variant);
    }

    public CallControlSettings withVariant(IsupVariant value) {
        return new CallControlSettings(timers, hunting, glare, networkIndicator, value);
    }
}
