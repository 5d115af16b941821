package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.ForwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.PartyNumber;
import org.pstngw.sipi.isup.WireLayout;
import org.w3c.dom.Element;

/**
 * Whether tshark reads an ISUP body as we wrote it. tshark's ISUP dissector is lenient (a length running into the next
 * parameter, an overlapping pointer or an optional part on a message that has none raise no malformed flag), so the
 * judge does not rest on its warnings: for every packet it compares tshark's parameter list in wire order (names,
 * length octets, pointers, each parameter's octets) with where our layout put them, checks that those octets are the
 * whole body, and compares the fields of every parameter the gateway interprets (numbers, indicators, cause, event,
 * range) with our typed views. Expert items: the only warning allowed is the SIP dissector's "Trailing stray
 * characters" on the SIP message header (any binary body raises it), the only notes the two that say a message type
 * has no optional part or no status subfield.
 */
final class TsharkJudge {
    private static final String SIP_BINARY_BODY_WARNING = "Trailing stray characters";
    private static final Set<String> ALLOWED_NOTES = Set.of(
            "No optional parameters are possible with this message type",
            "Status subfield is not present with this message type");

    private TsharkJudge() {}

    /** Fails unless tshark's {@code packet} holds {@code body} (an ISUP body without CIC) read as we read it. */
    static void assertAgrees(String what, byte[] body, IsupVariant variant, Tshark.Packet packet) {
        assertThat(packet.malformed())
                .as("%s: tshark flags a malformed packet", what)
                .isFalse();
        for (Tshark.Expert e : packet.experts()) {
            if (e.severity() >= Tshark.PI_WARN) {
                assertThat(e.message()).as("%s: expert warning %s", what, e).isEqualTo(SIP_BINARY_BODY_WARNING);
                assertThat(e.ancestors()).as("%s: where %s hangs", what, e).contains("sip.msg_hdr");
            } else {
                assertThat(ALLOWED_NOTES).as("%s: expert note %s", what, e).contains(e.message());
            }
        }
        assertThat(packet.isup()).as("%s: tshark finds no ISUP", what).isPresent();
        Element isup = packet.isup().get();
        WireLayout layout = WireLayout.of(body, variant);
        assertThat(layout).as("%s: a message type without a layout", what).isNotNull();
        String context = what + " " + HexFormat.of().formatHex(body) + " " + layout;
        assertThat(layout.accountedOctets())
                .as("%s: octets beyond the parameters", context)
                .isEqualTo(body.length);
        assertThat(isup.getAttribute("size"))
                .as("%s: the length of the ISUP body tshark read", context)
                .isEqualTo(String.valueOf(body.length));
        assertThat(ints(Tshark.shows(isup, "isup.message_type"))).as(context).containsExactly(body[0] & 0xFF);
        assertThat(ints(Tshark.shows(isup, "isup.parameter_type")))
                .as("%s: parameter names", context)
                .isEqualTo(layout.parameterTypes());
        assertThat(ints(Tshark.shows(isup, "isup.parameter_length")))
                .as("%s: length octets", context)
                .isEqualTo(layout.parameterLengths());
        assertThat(ints(Tshark.shows(isup, "isup.mandatory_variable_parameter_pointer")))
                .as("%s: mandatory variable pointers", context)
                .isEqualTo(layout.variablePointers());
        assertThat(ints(Tshark.shows(isup, "isup.optional_parameter_part_pointer")))
                .as("%s: optional part pointer", context)
                .isEqualTo(layout.optionalPointer().stream().boxed().toList());
        List<Element> nodes = parameterNodes(isup);
        assertThat(nodes).as("%s: parameters", context).hasSameSizeAs(layout.slots());
        for (int i = 0; i < nodes.size(); i++) {
            WireLayout.Slot slot = layout.slots().get(i);
            String where = context + " parameter " + ParameterCode.valueOf(slot.code());
            assertThat(nodes.get(i).getAttribute("value"))
                    .as("%s: octets", where)
                    .isEqualTo(HexFormat.of().formatHex(slot.octets()));
            Map<String, String> expected = expectedFields(slot, variant);
            for (Map.Entry<String, String> f : expected.entrySet()) {
                String[] names = f.getKey().split("\\|");
                String got = null;
                for (String name : names) {
                    List<String> shows = Tshark.shows(nodes.get(i), name);
                    if (!shows.isEmpty()) {
                        got = shows.get(0);
                        break;
                    }
                }
                assertThat(got).as("%s: %s", where, f.getKey()).isNotNull();
                assertThat(normalise(got)).as("%s: %s", where, f.getKey()).isEqualTo(f.getValue());
            }
        }
    }

    /** The direct children of the ISUP tree that are parameters (they hold a parameter name field). */
    private static List<Element> parameterNodes(Element isup) {
        List<Element> out = new ArrayList<>();
        for (Element c : Tshark.children(isup, "field")) {
            if (Tshark.children(c, "field").stream()
                    .anyMatch(f -> Tshark.name(f).equals("isup.parameter_type"))) {
                out.add(c);
            }
        }
        return out;
    }

    /** tshark's numbers as decimal (it shows some in hex, 0x0002), strings as they are. */
    private static String normalise(String show) {
        try {
            return String.valueOf(Integer.decode(show));
        } catch (NumberFormatException e) {
            return show;
        }
    }

    private static List<Integer> ints(List<String> shows) {
        return shows.stream().map(Integer::decode).toList();
    }

    /**
     * The fields tshark must show for a parameter, from our typed view of its contents: field name (alternatives
     * separated by |, the first tshark shows counts) to value. Empty for a parameter we do not interpret or whose
     * contents our view cannot read.
     */
    private static Map<String, String> expectedFields(WireLayout.Slot slot, IsupVariant variant) {
        byte[] contents = switch (slot.part()) {
            case FIXED -> slot.octets();
            case VARIABLE -> java.util.Arrays.copyOfRange(slot.octets(), 1, slot.octets().length);
            case OPTIONAL -> java.util.Arrays.copyOfRange(slot.octets(), 2, slot.octets().length);
        };
        IsupMessage holder = IsupMessage.of(
                IsupMessageType.ANM,
                0,
                IsupParameters.of(new IsupParameter(ParameterCode.valueOf(slot.code()), contents)));
        Map<String, String> f = new LinkedHashMap<>();
        switch (slot.code()) {
            case 0x04 ->
                holder.calledPartyNumber().ifPresent(n -> {
                    f.put("isup.called_party_nature_of_address_indicator", str(n.natureOfAddress()));
                    f.put("isup.isdn_odd_even_indicator", str(n.digits().length() % 2));
                    f.put("isup.inn_indicator", bit(n.flag()));
                    f.put("isup.numbering_plan_indicator", str(n.numberingPlan()));
                    digits(f, "isup.called", n);
                });
            case 0x0A ->
                holder.callingPartyNumber().ifPresent(n -> {
                    number(f, n);
                    f.put("isup.ni_indicator", bit(n.flag()));
                    digits(f, "isup.calling", n);
                });
            case 0x21 ->
                holder.connectedNumber().ifPresent(n -> {
                    number(f, n);
                    digits(f, "isup.connected_number", n);
                });
            case 0x05 ->
                holder.subsequentNumber().ifPresent(n -> {
                    f.put("isup.isdn_odd_even_indicator", str(n.digits().length() % 2));
                    digits(f, "isup.subsequent_number", n);
                });
            case 0x06 -> holder.natureOfConnectionIndicators().ifPresent(n -> nature(f, n));
            case 0x07 -> holder.forwardCallIndicators().ifPresent(c -> forward(f, c));
            case 0x09 ->
                holder.callingPartyCategory().ifPresent(c -> f.put("isup.calling_partys_category", str(c.value())));
            case 0x02 -> f.put("isup.transmission_medium_requirement", str(contents[0] & 0xFF));
            case 0x11 -> holder.backwardCallIndicators().ifPresent(b -> backward(f, b));
            case 0x12 -> holder.causeIndicators().ifPresent(c -> cause(f, c));
            case 0x24 ->
                holder.eventInformation().ifPresent(e -> {
                    f.put("isup.event_ind", str(e.event()));
                    f.put("isup.event_presentation_restr_ind", bit(e.presentationRestricted()));
                });
            case 0x16 -> holder.rangeAndStatus().ifPresent(r -> f.put("isup.range_indicator", str(r.range() + 1)));
            case 0x15 -> f.put("isup.cgs_message_type", str(contents[0] & 3));
            case 0x10 -> f.put("isup.continuity_indicator", str(contents[0] & 1));
            case 0x22 -> f.put("isup.suspend_resume_indicator", str(contents[0] & 1));
            default -> {
                // a parameter we do not interpret: its octets are compared, nothing more
            }
        }
        return f;
    }

    private static void number(Map<String, String> f, PartyNumber n) {
        f.put("isup.calling_party_nature_of_address_indicator", str(n.natureOfAddress()));
        f.put("isup.isdn_odd_even_indicator", str(n.digits().length() % 2));
        f.put("isup.numbering_plan_indicator", str(n.numberingPlan()));
        f.put("isup.address_presentation_restricted_indicator", str(n.presentation()));
        f.put("isup.screening_indicator", str(n.screening()));
    }

    private static void digits(Map<String, String> f, String field, PartyNumber n) {
        if (!n.digits().isEmpty()) {
            f.put(field, n.digits());
        }
    }

    private static void nature(Map<String, String> f, NatureOfConnectionIndicators n) {
        f.put("isup.satellite_indicator", str(n.satellite()));
        f.put("isup.continuity_check_indicator", str(n.continuityCheck()));
        f.put("isup.echo_control_device_indicator", bit(n.echoControlDevice()));
    }

    private static void forward(Map<String, String> f, ForwardCallIndicators c) {
        f.put("isup.forw_call_natnl_inatnl_call_indicator", bit(c.international()));
        f.put("isup.forw_call_interworking_indicator", bit(c.interworking()));
        f.put("isup.forw_call_isdn_user_part_indicator", bit(c.isupAllTheWay()));
        f.put("isup.forw_call_preferences_indicator", str(c.isupPreference()));
        f.put("isup.forw_call_isdn_access_indicator", bit(c.isdnAccess()));
    }

    private static void backward(Map<String, String> f, BackwardCallIndicators b) {
        f.put("isup.charge_indicator", str(b.charge()));
        f.put("isup.called_partys_status_indicator", str(b.calledPartyStatus()));
        f.put("isup.called_partys_category_indicator", str(b.calledPartyCategory()));
        f.put("isup.backw_call_interworking_indicator", bit(b.interworking()));
        f.put("isup.backw_call_isdn_user_part_indicator", bit(b.isupAllTheWay()));
        f.put("isup.backw_call_isdn_access_indicator", bit(b.isdnAccess()));
    }

    /** Q.850 causes go through tshark's Q.931 fields; T1.113's own (coding standard 2) through its ANSI ISUP ones. */
    private static void cause(Map<String, String> f, CauseIndicators c) {
        f.put("isup.cause_indicator|ansi_isup.cause_indicator", str(c.cause().code()));
        f.put("q931.cause_location|isup.cause_location", str(c.location()));
        f.put("q931.coding_standard|ansi_isup.coding_standard", str(c.codingStandard()));
    }

    private static String str(int v) {
        return String.valueOf(v);
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }
}
