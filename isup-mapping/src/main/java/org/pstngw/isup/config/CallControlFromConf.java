package org.pstngw.isup.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pstngw.conf.CircuitGroupConfig;
import org.pstngw.conf.GatewayConfig;
import org.pstngw.conf.SpanConfig;
import org.pstngw.conf.Ss7Config;
import org.pstngw.isup.call.CallControlSettings;
import org.pstngw.isup.call.CicDispatcher;
import org.pstngw.isup.call.ContinuityTester;
import org.pstngw.isup.call.IsupCallControl;
import org.pstngw.isup.call.IsupCallListener;
import org.pstngw.isup.call.IsupTimers;
import org.pstngw.isup.call.Scheduler;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * Maps conf's {@code ss7} section (and the {@code tdm} spans its circuit groups name) onto call control: one
 * {@link IsupCallControl} per circuit group, all on one link behind a {@link CicDispatcher}. The network indicator
 * and point codes are the link's ({@code link.M3uaSettingsFromConf} maps them from the same section).
 *
 * <pre>
 *   ss7.isup-timers          -> IsupTimers (every timer; conf holds the one definition of the defaults)
 *   circuit-groups[].hunting -> HuntingStrategy (odd/even: that parity first; controlled-first: Q.764 2.9.1.3)
 *   circuit-groups[]         -> CircuitGroup: CIC first-cic + i on the i-th voice timeslot of the span from
 *                               first-timeslot (an E1's signalling timeslot 16 is skipped when it is not a voice one)
 *   circuit-groups[].direction -> the directions the group takes (incoming-only: nothing hunted; outgoing-only:
 *                               IAMs refused)
 *   glare-control            -> DualSeizure.Control (auto: higher point code controls the even CICs)
 *   isup-variant             -> the codec's dialect and the CIC's width (the procedures stay Q.764's)
 *   dpc                      -> every group's adjacent exchange
 * </pre>
 */
public final class CallControlFromConf {

    private CallControlFromConf() {}

    /** One circuit group's call control as the configuration describes it. */
    public record GroupControl(CircuitGroup group, CallControlSettings settings) {}

    /** Every circuit group of the configuration. */
    public static List<GroupControl> map(GatewayConfig config) {
        Map<String, SpanConfig> spans =
                config.tdm().spans().stream().collect(Collectors.toMap(SpanConfig::name, Function.identity()));
        Ss7Config ss7 = config.ss7();
        List<GroupControl> out = new ArrayList<>();
        for (CircuitGroupConfig g : ss7.circuitGroups()) {
            SpanConfig span = spans.get(g.span());
            if (span == null) {
                throw new IllegalArgumentException("circuit group " + g.name() + " names no span: " + g.span());
            }
            out.add(new GroupControl(group(g, span, ss7.dpc()), settings(ss7, g)));
        }
        return List.copyOf(out);
    }

    /**
     * Builds the call controls of every group on {@code link}, registered with a dispatcher that is the link's
     * listener. {@code listeners} gives each group's application side.
     */
    public static CicDispatcher build(
            GatewayConfig config,
            IsupLink link,
            Scheduler scheduler,
            Executor executor,
            Function<CircuitGroup, IsupCallListener> listeners,
            ContinuityTester tester) {
        Ss7Config ss7 = config.ss7();
        CicDispatcher dispatcher = new CicDispatcher(link, variant(ss7.isupVariant()));
        for (GroupControl g : map(config)) {
            IsupCallControl.Builder b = IsupCallControl.builder(link, g.group())
                    .settings(g.settings())
                    .scheduler(scheduler)
                    .executor(executor)
                    .listener(listeners.apply(g.group()));
            if (tester != null) {
                b.continuityTester(tester);
            }
            dispatcher.add(b.build());
        }
        link.setListener(dispatcher);
        return dispatcher;
    }

    static CircuitGroup group(CircuitGroupConfig g, SpanConfig span, int dpc) {
        List<Integer> voice = span.voiceTimeslots().list();
        int start = voice.indexOf(g.firstTimeslot());
        if (start < 0 || start + g.count() > voice.size()) {
            throw new IllegalArgumentException(
                    "circuit group " + g.name() + ": " + g.count() + " circuits from timeslot " + g.firstTimeslot()
                            + " are not voice timeslots of span " + span.name());
        }
        return new CircuitGroup(
                g.name(),
                dpc,
                g.firstCic(),
                span.name(),
                voice.subList(start, start + g.count()),
                direction(g.direction()));
    }

    static CallControlSettings settings(Ss7Config ss7, CircuitGroupConfig g) {
        return new CallControlSettings(
                IsupTimers.from(ss7.isupTimers()),
                hunting(g.hunting()),
                glare(ss7.glareControl()),
                variant(ss7.isupVariant()));
    }

    static HuntingStrategy hunting(CircuitGroupConfig.Hunting h) {
        return switch (h) {
            case SEQUENTIAL_UP -> HuntingStrategy.SEQUENTIAL_UP;
            case SEQUENTIAL_DOWN -> HuntingStrategy.SEQUENTIAL_DOWN;
            case ROUND_ROBIN -> HuntingStrategy.ROUND_ROBIN;
            case LEAST_RECENTLY_USED -> HuntingStrategy.LEAST_RECENTLY_USED;
            case ODD -> HuntingStrategy.ODD_FIRST;
            case EVEN -> HuntingStrategy.EVEN_FIRST;
            case CONTROLLED_FIRST -> HuntingStrategy.CONTROLLED_FIRST;
        };
    }

    static DualSeizure.Control glare(Ss7Config.GlareControl g) {
        return switch (g) {
            case AUTO -> DualSeizure.Control.AUTO;
            case EVEN -> DualSeizure.Control.EVEN;
            case ODD -> DualSeizure.Control.ODD;
            case ALL -> DualSeizure.Control.ALL;
            case NONE -> DualSeizure.Control.NONE;
        };
    }

    static IsupVariant variant(Ss7Config.IsupVariant v) {
        return switch (v) {
            case ITU -> IsupVariant.ITU;
            case ANSI -> IsupVariant.ANSI;
        };
    }

    static CircuitGroup.Direction direction(CircuitGroupConfig.Direction d) {
        return switch (d) {
            case BOTH -> CircuitGroup.Direction.BOTH;
            case INCOMING -> CircuitGroup.Direction.INCOMING;
            case OUTGOING -> CircuitGroup.Direction.OUTGOING;
        };
    }
}
