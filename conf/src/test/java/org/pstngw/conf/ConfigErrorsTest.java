package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One file with one defect gives exactly one error naming file:line:column, the field path and the defect. */
class ConfigErrorsTest {

    static List<String> errors(String yaml) {
        try {
            GatewayConfigLoader.parse(yaml, "gateway.yaml");
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                // node
                Arguments.of("node:\n  name: ''\n", "gateway.yaml:2:9: node.name: must not be empty"),
                Arguments.of("node:\n  data-dir: ''\n", "gateway.yaml:2:13: node.data-dir: must not be empty"),
                Arguments.of(
                        "node:\n  name: [a]\n",
                        "gateway.yaml:2:9: node.name: expected a single value (non-empty text), found a list"),
                Arguments.of(
                        "sip:\n  uas-demo:\n    enabled: sure\n",
                        "gateway.yaml:3:14: sip.uas-demo.enabled: 'sure' is not true or false"),
                Arguments.of(
                        "sip:\n  session-timer:\n    enabled: true\n",
                        "gateway.yaml:3:14: sip.session-timer.enabled: RFC 4028 session timers are not implemented"
                                + " yet; set false (true would be silently ignored)"),
                Arguments.of(
                        "sip:\n  session-timer:\n    min-se: 30s\n",
                        "gateway.yaml:3:13: sip.session-timer.min-se: 30s is out of range 90s..24h"),
                Arguments.of(
                        "media:\n  jitter-buffer-min: 2s\n",
                        "gateway.yaml:2:22: media.jitter-buffer-min: 2s is out of range 0s..1s"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t2: 10min\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t2: 10min is out of range 1min..5min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t6: 5s\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t6: 5s is out of range 10s..2min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t8: 16s\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t8: 16s is out of range 10s..15s"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t16: 61s\n",
                        "gateway.yaml:3:10: ss7.isup-timers.t16: 61s is out of range 15s..1min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t17: 4min\n",
                        "gateway.yaml:3:10: ss7.isup-timers.t17: 4min is out of range 5min..15min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t99: 4min\n",
                        "gateway.yaml:3:5: ss7.isup-timers.t99: unknown setting 't99'; did you mean 't9'?"),
                Arguments.of(
                        "ss7:\n  embedded-exchange:\n    port: 65536\n",
                        "gateway.yaml:3:11: ss7.embedded-exchange.port: 65536 is out of range 0..65535"),
                Arguments.of(
                        "ss7:\n  dpc: 7\n",
                        "gateway.yaml:2:8: ss7.dpc: dpc 7 is not the embedded exchange's point code 2 (set"
                                + " embedded-exchange.point-code too, or disable it)"),
                Arguments.of(
                        "ss7:\n  network-indicator: 4\n",
                        "gateway.yaml:2:22: ss7.network-indicator: 4 is out of range 0..3"),
                Arguments.of("ss7:\n  network-indicator: 3\n", null),
                Arguments.of("ss7:\n  opc: 2\n", "gateway.yaml:2:3: ss7.dpc: dpc 2 equals opc"),
                Arguments.of(
                        "ss7:\n  isup-variant: ansi\n  opc: 16777216\n",
                        "gateway.yaml:3:8: ss7.opc: 16777216 is out of range 0..16777215"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - first-cic: x\n",
                        "gateway.yaml:3:18: ss7.circuit-groups[0].first-cic: 'x' is not an integer"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - count: 0\n",
                        "gateway.yaml:3:14: ss7.circuit-groups[0].count: 0 is out of range 1..31"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - name: ''\n",
                        "gateway.yaml:3:13: ss7.circuit-groups[0].name: must not be empty"),
                Arguments.of(
                        "tdm:\n  spans:\n    - name: ''\n", "gateway.yaml:3:13: tdm.spans[0].name: must not be empty"),
                // sip
                Arguments.of(
                        "sip:\n  transports:\n    - protocol: udp\n    - protocol: tcp\n      port: 70000\n",
                        "gateway.yaml:5:13: sip.transports[1].port: 70000 is out of range 0..65535"),
                Arguments.of(
                        "sip:\n  transports:\n    - protocol: sctp\n",
                        "gateway.yaml:3:17: sip.transports[0].protocol: 'sctp' is not one of udp | tcp | tls"),
                Arguments.of(
                        "sip:\n  transports:\n    - bind-address: 300.1.1.1\n",
                        "gateway.yaml:3:21: sip.transports[0].bind-address: '300.1.1.1' is not an IP address"),
                Arguments.of(
                        "sip:\n  transports:\n    - protocol: tls\n",
                        "gateway.yaml:3:7: sip.transports[0].keystore: a tls transport needs a keystore"),
                Arguments.of(
                        "sip:\n  transports:\n    - protocol: tls\n      keystore: k.p12\n      client-auth: maybe\n",
                        "gateway.yaml:5:20: sip.transports[0].client-auth: 'maybe' is not one of none | want | need"),
                Arguments.of(
                        "sip:\n  transports:\n    - {protocol: udp, port: 5070}\n    - {protocol: udp, port: 5070}\n",
                        "gateway.yaml:4:29: sip.transports[1].port: udp port 5070 on 127.0.0.1 is already used by"
                                + " another transport"),
                Arguments.of("ss7:\n  circuit-groups: []\n", null),
                Arguments.of(
                        "sip:\n  transports: []\n",
                        "gateway.yaml:2:15: sip.transports: at least one transport is needed"),
                Arguments.of(
                        "sip:\n  transports: udp\n", "gateway.yaml:2:15: sip.transports: expected a list, found 'udp'"),
                Arguments.of("sip:\n  t1: 5\n", "gateway.yaml:2:7: sip.t1: 5ms is out of range 100ms..10s"),
                Arguments.of(
                        "sip:\n  t1: soon\n",
                        "gateway.yaml:2:7: sip.t1: 'soon' is not a duration such as 500ms," + " 32s, 3min or 1h"),
                Arguments.of(
                        "sip:\n  t1: 2s\n  t2: 1s\n",
                        "gateway.yaml:3:7: sip.t2: t2 (1s) must not be less than t1 (2s)"),
                Arguments.of("sip:\n  t4: 0s\n", "gateway.yaml:2:7: sip.t4: 0s is out of range 1s..1min"),
                Arguments.of(
                        "sip:\n  timer-c: 3min\n", "gateway.yaml:2:12: sip.timer-c: 3min is out of range 181s..1h"),
                Arguments.of(
                        "sip:\n  max-message-size: big\n",
                        "gateway.yaml:2:21: sip.max-message-size: 'big' is not an integer"),
                Arguments.of(
                        "sip:\n  max-udp-message-size: 65508\n",
                        "gateway.yaml:2:25: sip.max-udp-message-size: 65508 is out of range 1024..65507"),
                Arguments.of(
                        "sip:\n  max-headers: 2\n", "gateway.yaml:2:16: sip.max-headers: 2 is out of range 16..1024"),
                Arguments.of(
                        "sip:\n  max-transactions: 99\n",
                        "gateway.yaml:2:21: sip.max-transactions: 99 is out of range 100..10000000"),
                Arguments.of(
                        "sip:\n  user-agent: [a, b]\n",
                        "gateway.yaml:2:15: sip.user-agent: expected a single value (text), found a list"),
                Arguments.of(
                        "sip:\n  rel100: maybe\n",
                        "gateway.yaml:2:11: sip.rel100: 'maybe' is not one of supported | required | disabled"),
                Arguments.of(
                        "sip:\n  session-timer:\n    enabled: perhaps\n",
                        "gateway.yaml:3:14: sip.session-timer.enabled: 'perhaps' is not true or false"),
                Arguments.of(
                        "sip:\n  session-timer:\n    session-expires: 60s\n",
                        "gateway.yaml:3:22: sip.session-timer.session-expires: 1min is out of range 90s..24h"),
                Arguments.of(
                        "sip:\n  session-timer:\n    session-expires: 100s\n    min-se: 120s\n",
                        "gateway.yaml:3:22: sip.session-timer.session-expires: session-expires must not be less than"
                                + " min-se"),
                Arguments.of(
                        "sip:\n  uas-demo:\n    answer-delay: 10min\n",
                        "gateway.yaml:3:19: sip.uas-demo.answer-delay: 10min is out of range 0s..5min"),
                // ss7
                Arguments.of("ss7:\n  mode: asp\n", "gateway.yaml:2:9: ss7.mode: 'asp' is not one of as | ipsp | sgw"),
                Arguments.of(
                        "ss7:\n  transport: udp\n", "gateway.yaml:2:14: ss7.transport: 'udp' is not one of sctp | tcp"),
                Arguments.of(
                        "ss7:\n  local-address: example.com\n",
                        "gateway.yaml:2:18: ss7.local-address: 'example.com' is not an IP address"),
                Arguments.of(
                        "ss7:\n  local-port: -1\n", "gateway.yaml:2:15: ss7.local-port: -1 is out of range 0..65535"),
                Arguments.of(
                        "ss7:\n  remote-peers:\n    - address: bad_host!\n",
                        "gateway.yaml:3:16: ss7.remote-peers[0].address: 'bad_host!' is not an IP address or host name"),
                Arguments.of(
                        "ss7:\n  remote-peers:\n    - port: 0\n",
                        "gateway.yaml:3:13: ss7.remote-peers[0].port: 0 is out of range 1..65535"),
                Arguments.of(
                        "ss7:\n  remote-peers: []\n",
                        "gateway.yaml:2:17: ss7.remote-peers: at least one remote peer is needed"),
                Arguments.of(
                        "ss7:\n  routing-context: -1\n",
                        "gateway.yaml:2:20: ss7.routing-context: -1 is out of range 0..4294967295"),
                Arguments.of(
                        "ss7:\n  network-appearance: x\n",
                        "gateway.yaml:2:23: ss7.network-appearance: 'x' is not an integer"),
                Arguments.of(
                        "ss7:\n  traffic-mode: random\n",
                        "gateway.yaml:2:17: ss7.traffic-mode: 'random' is not one of loadshare | override | broadcast"),
                Arguments.of(
                        "ss7:\n  point-code-format: 5-4-5\n",
                        "gateway.yaml:2:22: ss7.point-code-format: '5-4-5' is not one of itu-3-8-3 | ansi-8-8-8"),
                Arguments.of("ss7:\n  opc: 16384\n", "gateway.yaml:2:8: ss7.opc: 16384 is out of range 0..16383"),
                Arguments.of(
                        "ss7:\n  dpc: 8-0-0\n",
                        "gateway.yaml:2:8: ss7.dpc: '8-0-0': part 1 (8) is out of range 0..7 in 3-8-3 notation"),
                Arguments.of(
                        "ss7:\n  dpc: 1-2\n", "gateway.yaml:2:8: ss7.dpc: '1-2' is not a point code in 3-8-3 notation"),
                Arguments.of(
                        "ss7:\n  network-indicator: local\n",
                        "gateway.yaml:2:22: ss7.network-indicator: 'local' is not one of international |"
                                + " international-spare | national | national-spare"),
                Arguments.of(
                        "ss7:\n  service-indicator: 16\n",
                        "gateway.yaml:2:22: ss7.service-indicator: 16 is out of range 0..15"),
                Arguments.of(
                        "ss7:\n  isup-variant: china\n",
                        "gateway.yaml:2:17: ss7.isup-variant: 'china' is not one of itu | ansi"),
                Arguments.of(
                        "ss7:\n  glare-control: mine\n",
                        "gateway.yaml:2:18: ss7.glare-control: 'mine' is not one of auto | even | odd | all | none"),
                Arguments.of("ss7:\n  persist-dir: ' '\n", "gateway.yaml:2:16: ss7.persist-dir: must not be empty"),
                Arguments.of(
                        "ss7:\n  ipsp-side: both\n",
                        "gateway.yaml:2:14: ss7.ipsp-side: 'both' is not one of client | server"),
                Arguments.of(
                        "ss7:\n  exchange-type: de\n",
                        "gateway.yaml:2:18: ss7.exchange-type: double exchange (de) is for ipsp mode only (RFC 4666"
                                + " 4.3.1)"),
                Arguments.of("ss7:\n  mode: ipsp\n  exchange-type: de\n", null),
                Arguments.of(
                        "ss7:\n  min-active-asps: 2\n",
                        "gateway.yaml:2:20: ss7.min-active-asps: min-active-asps 2 exceeds the 1 remote peer(s)"),
                Arguments.of(
                        "ss7:\n  delivery-threads: 0\n",
                        "gateway.yaml:2:21: ss7.delivery-threads: 0 is out of range 1..64"),
                Arguments.of(
                        "ss7:\n  activation-wait: 10min\n",
                        "gateway.yaml:2:20: ss7.activation-wait: 10min is out of range 0s..5min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t4: 1min\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t4: 1min is out of range 5min..15min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t28: 5s\n",
                        "gateway.yaml:3:10: ss7.isup-timers.t28: 5s is out of range 10s..30s"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t7: 40s\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t7: 40s is out of range 20s..30s"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t1: 10s\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t1: 10s is out of range 15s..1min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t5: 20min\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t5: 20min is out of range 5min..15min"),
                Arguments.of(
                        "ss7:\n  isup-timers:\n    t9: 60s\n",
                        "gateway.yaml:3:9: ss7.isup-timers.t9: 1min is out of range 90s..3min"),
                Arguments.of(
                        "ss7:\n  embedded-exchange:\n    enabled: 1\n",
                        "gateway.yaml:3:14: ss7.embedded-exchange.enabled: '1' is not true or false"),
                Arguments.of(
                        "ss7:\n  embedded-exchange:\n    point-code: 20000\n",
                        "gateway.yaml:3:17: ss7.embedded-exchange.point-code: 20000 is out of range 0..16383"),
                // circuit groups
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - span: nowhere\n",
                        "gateway.yaml:3:13: ss7.circuit-groups[0].span: no span named 'nowhere' (spans: span0)"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - first-cic: 4090\n      count: 10\n",
                        "gateway.yaml:4:14: ss7.circuit-groups[0].count: CICs 4090..4099 go beyond the highest CIC"
                                + " 4095"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - first-timeslot: 20\n",
                        "gateway.yaml:3:7: ss7.circuit-groups[0].count: 31 circuits from timeslot 20 do not fit in"
                                + " span 'span0' (12 voice timeslots left)"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - {name: a, count: 10}\n    - {name: b, first-cic: 5, first-timeslot: 11, count: 10}\n",
                        "gateway.yaml:4:28: ss7.circuit-groups[1].first-cic: CICs 5..14 overlap another circuit"
                                + " group"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - {name: a, count: 10}\n    - {name: b, first-cic: 20, first-timeslot: 5, count: 10}\n",
                        "gateway.yaml:4:48: ss7.circuit-groups[1].first-timeslot: timeslot 5 of span 'span0' is"
                                + " already used by another circuit group"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - {name: a, count: 10}\n    - {name: a, first-cic: 20, first-timeslot: 11, count: 10}\n",
                        "gateway.yaml:4:14: ss7.circuit-groups[1].name: circuit group name 'a' is used twice"),
                Arguments.of(
                        "tdm:\n  spans:\n    - {signalling-timeslot: 16}\nss7:\n  circuit-groups:\n    - {first-timeslot: 16, count: 1}\n",
                        "gateway.yaml:6:24: ss7.circuit-groups[0].first-timeslot: 16 is not a voice timeslot of span"
                                + " 'span0' (1-15,17-31)"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - hunting: random\n",
                        "gateway.yaml:3:16: ss7.circuit-groups[0].hunting: 'random' is not one of sequential-up |"
                                + " sequential-down | round-robin | least-recently-used | odd | even | controlled-first"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - direction: up\n",
                        "gateway.yaml:3:18: ss7.circuit-groups[0].direction: 'up' is not one of both | incoming |"
                                + " outgoing"),
                Arguments.of(
                        "ss7:\n  circuit-groups:\n    - first-timeslot: 32\n",
                        "gateway.yaml:3:23: ss7.circuit-groups[0].first-timeslot: 32 is out of range 1..31"),
                // tdm
                Arguments.of("tdm:\n  driver: ''\n", "gateway.yaml:2:11: tdm.driver: must not be empty"),
                Arguments.of(
                        "tdm:\n  driver-options: fast\n",
                        "gateway.yaml:2:19: tdm.driver-options: expected a mapping of names to values, found 'fast'"),
                Arguments.of(
                        "tdm:\n  frame-block: 40ms\n",
                        "gateway.yaml:2:16: tdm.frame-block: 40ms is out of range 1ms..20ms"),
                Arguments.of(
                        "tdm:\n  spans:\n    - options: [peer]\n",
                        "gateway.yaml:3:16: tdm.spans[0].options: expected a mapping of names to values, found a list"),
                Arguments.of(
                        "tdm:\n  spans:\n    - type: j1\n",
                        "gateway.yaml:3:13: tdm.spans[0].type: 'j1' is not one of e1 | t1"),
                Arguments.of(
                        "tdm:\n  spans:\n    - {type: t1, framing: crc4}\n",
                        "gateway.yaml:3:27: tdm.spans[0].framing: crc4 is not a framing for t1 (use esf | d4)"),
                Arguments.of(
                        "tdm:\n  spans:\n    - {line-code: b8zs}\n",
                        "gateway.yaml:3:19: tdm.spans[0].line-code: b8zs is not a line code for e1 (use hdb3 | ami)"),
                Arguments.of(
                        "tdm:\n  spans:\n    - clock-source: gps\n",
                        "gateway.yaml:3:21: tdm.spans[0].clock-source: 'gps' is not one of line | internal"),
                Arguments.of(
                        "tdm:\n  spans:\n    - companding: linear\n",
                        "gateway.yaml:3:19: tdm.spans[0].companding: 'linear' is not one of alaw | ulaw"),
                Arguments.of(
                        "tdm:\n  spans:\n    - {type: t1, signalling-timeslot: 25}\n",
                        "gateway.yaml:3:39: tdm.spans[0].signalling-timeslot: 25 is out of range 1..24 for t1"),
                Arguments.of(
                        "tdm:\n  spans:\n    - voice-timeslots: 0-31\n",
                        "gateway.yaml:3:24: tdm.spans[0].voice-timeslots: timeslots 0-31 are out of range 1..31 for e1"),
                Arguments.of(
                        "tdm:\n  spans:\n    - {type: t1, voice-timeslots: 1-24}\nss7:\n  circuit-groups: [{count: 24}]\n",
                        null),
                Arguments.of(
                        "tdm:\n  spans:\n    - {signalling-timeslot: 16, voice-timeslots: 1-31}\n",
                        "gateway.yaml:3:50: tdm.spans[0].voice-timeslots: timeslot 16 is the signalling timeslot and"
                                + " cannot carry voice"),
                Arguments.of(
                        "tdm:\n  spans:\n    - voice-timeslots: 1-x\n",
                        "gateway.yaml:3:24: tdm.spans[0].voice-timeslots: '1-x' is not a timeslot or range like 1-15"),
                Arguments.of(
                        "tdm:\n  spans:\n    - voice-timeslots: 5-1\n",
                        "gateway.yaml:3:24: tdm.spans[0].voice-timeslots: '5-1' is not an ascending range"),
                Arguments.of(
                        "tdm:\n  spans:\n    - voice-timeslots: 1-10,5-12\n",
                        "gateway.yaml:3:24: tdm.spans[0].voice-timeslots: '5-12' overlaps an earlier range"),
                Arguments.of(
                        "tdm:\n  spans:\n    - {name: a}\n    - {name: a}\nss7:\n  circuit-groups: [{span: a}]\n",
                        "gateway.yaml:4:14: tdm.spans[1].name: span name 'a' is used twice"),
                // media, management
                Arguments.of(
                        "media:\n  rtp-port-min: 16385\n",
                        "gateway.yaml:2:17: media.rtp-port-min: 16385 is odd; RTP uses even ports (RTCP the odd one"
                                + " above)"),
                Arguments.of(
                        "media:\n  rtp-port-max: 16000\n",
                        "gateway.yaml:2:17: media.rtp-port-max: 16000 must be greater than rtp-port-min 16384"),
                Arguments.of(
                        "media:\n  rtp-port-min: 80\n",
                        "gateway.yaml:2:17: media.rtp-port-min: 80 is out of range 1024..65535"),
                Arguments.of(
                        "media:\n  ptime: 25ms\n", "gateway.yaml:2:10: media.ptime: 25ms is not a multiple of 10ms"),
                Arguments.of(
                        "media:\n  codecs: [PCMA, pcma]\n",
                        "gateway.yaml:2:11: media.codecs: codec pcma is listed twice"),
                Arguments.of("media:\n  codecs: [PCMA, '']\n", "gateway.yaml:2:18: media.codecs[1]: must not be empty"),
                Arguments.of(
                        "media:\n  jitter-buffer-min: 100ms\n  jitter-buffer-max: 50ms\n",
                        "gateway.yaml:3:22: media.jitter-buffer-max: jitter-buffer-max must not be less than"
                                + " jitter-buffer-min"),
                Arguments.of(
                        "media:\n  dtmf-mode: sip\n",
                        "gateway.yaml:2:14: media.dtmf-mode: 'sip' is not one of rfc4733 | inband | info"),
                Arguments.of(
                        "management:\n  port: http\n", "gateway.yaml:2:9: management.port: 'http' is not an integer"),
                Arguments.of(
                        "management:\n  bind-address: localhost\n",
                        "gateway.yaml:2:17: management.bind-address: 'localhost' is not an IP address"),
                Arguments.of(
                        "management:\n  metrics: sometimes\n",
                        "gateway.yaml:2:12: management.metrics: 'sometimes' is not true or false"),
                // structure
                Arguments.of(
                        "sipp:\n  t1: 1s\n", "gateway.yaml:1:1: sipp: unknown setting 'sipp'; did you mean 'sip'?"),
                Arguments.of(
                        "sip:\n  tranports: []\n",
                        "gateway.yaml:2:3: sip.tranports: unknown setting 'tranports'; did you mean 'transports'?"),
                Arguments.of(
                        "sip:\n  transports:\n    - {protocol: udp, prot: 1}\n",
                        "gateway.yaml:3:23: sip.transports[0].prot: unknown setting 'prot'; did you mean 'port'?"),
                Arguments.of("sip:\n  colour: blue\n", "gateway.yaml:2:3: sip.colour: unknown setting 'colour'"),
                Arguments.of("sip: 5\n", "gateway.yaml:1:6: sip: expected a mapping of settings, found '5'"),
                Arguments.of("- a\n- b\n", "gateway.yaml:1:1: expected a mapping of settings, found a list"),
                Arguments.of("sip:\n  t1: 1s\n  t1: 2s\n", "gateway.yaml:3:3: sip.t1: duplicate key 't1'"));
    }

    @ParameterizedTest
    @MethodSource("defects")
    void eachDefectIsReportedWithFileLineColumnAndPath(String yaml, String expected) {
        if (expected == null) {
            assertThat(GatewayConfigLoader.parse(yaml, "gateway.yaml")).isNotNull();
            return;
        }
        assertThat(errors(yaml)).containsExactly(expected);
    }

    @org.junit.jupiter.api.Test
    void allErrorsAreCollectedIntoOneException() {
        String yaml = "sip:\n  t1: 1h\nss7:\n  opc: x\nmedia:\n  ptime: 1s\n";
        assertThatThrownBy(() -> GatewayConfigLoader.parse(yaml, "gateway.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                        3 configuration errors:
                        gateway.yaml:2:7: sip.t1: 1h is out of range 100ms..10s
                        gateway.yaml:4:8: ss7.opc: 'x' is not an integer
                        gateway.yaml:6:10: media.ptime: 1s is out of range 10ms..60ms""");
    }
}
