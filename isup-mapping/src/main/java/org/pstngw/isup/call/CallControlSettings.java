package org.pstngw.isup.call;

import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * How one circuit group's call control behaves (mapped from conf by {@code config.CallControlFromConf}). The routing
 * label of what it sends (OPC, network indicator) is the link's: {@link org.pstngw.isup.link.IsupLink#ownPointCode()}
 * and {@link org.pstngw.isup.link.IsupLink#networkIndicator()}, so the two can never disagree.
 *
 * @param timers Q.764 timer values
 * @param hunting how outgoing calls choose a circuit
 * @param glare which CICs we control on dual seizure
 * @param variant the ISUP dialect of the codec and of the CIC's width (procedures follow Q.764 either way)
 */
public record CallControlSettings(
        IsupTimers timers, HuntingStrategy hunting, DualSeizure.Control glare, IsupVariant variant) {

    public CallControlSettings {
        if (timers == null || hunting == null || glare == null || variant == null) {
            throw new IllegalArgumentException("call control settings need timers, hunting, glare and variant");
        }
    }

    /** conf's defaults: Q.764 timers, controlled circuits first, glare by point codes, ITU. */
    public static CallControlSettings defaults() {
        return new CallControlSettings(
                IsupTimers.defaults(), HuntingStrategy.CONTROLLED_FIRST, DualSeizure.Control.AUTO, IsupVariant.ITU);
    }

    public CallControlSettings withTimers(IsupTimers value) {
        return new CallControlSettings(value, hunting, glare, variant);
    }

    public CallControlSettings withHunting(HuntingStrategy value) {
        return new CallControlSettings(timers, value, glare, variant);
    }

    public CallControlSettings withGlare(DualSeizure.Control value) {
        return new CallControlSettings(timers, hunting, value, variant);
    }

    public CallControlSettings withVariant(IsupVariant value) {
        return new CallControlSettings(timers, hunting, glare, value);
    }
}
