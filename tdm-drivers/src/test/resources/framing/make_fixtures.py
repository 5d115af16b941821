#!/usr/bin/env python3
"""Writes the framing fixtures of this directory: E1 (G.704 section 2.3, G.706) and T1 (T1.403 / G.704 section 2.1)
line streams assembled bit by bit from the standards' tables, independently of the Java framers under test.

Every stream is the line in transmission order, packed into octets most significant bit first, written as hex (32
octets a line). Run from this directory: python3 make_fixtures.py. fixtures.txt lists what each one must give.

E1 basic frame (G.704 Table 4A): 256 bits, TS0 first.
  TS0 of frames with the FAS:    Si 0 0 1 1 0 1 1
  TS0 of frames without the FAS: Si 1 A Sa4 Sa5 Sa6 Sa7 Sa8    (bit 2 = 1; A = remote alarm)
CRC-4 multiframe (G.704 Table 5B), frames 0-15, bit 1 (Si) of TS0:
  frames 0 2 4 6 | 8 10 12 14:  C1 C2 C3 C4 of the previous sub-multiframe (SMF I = frames 0-7, SMF II = 8-15)
  frames 1 3 5 7 9 11:          0 0 1 0 1 1 (multiframe alignment signal)
  frames 13 15:                 E1 E2 (0 = the far end received that SMF errored)
  C1..C4 (2.3.3.5.2): the SMF with its C bits at 0, multiplied by x^4 and divided by x^4 + x + 1; the remainder,
  most significant first.
T1 frame: 193 bits, F bit then channels 1-24.
  D4/SF (12 frames): F = 1 0 0 0 1 1 0 1 1 1 0 0
  ESF (24 frames, T1.403 Table 1): frames 4 8 12 16 20 24: FPS 0 0 1 0 1 1; frames 2 6 10 14 18 22: C1..C6 of the
  previous superframe (its 4632 bits with the F bits at 1, times x^6, divided by x^6 + x + 1); odd frames: the
  4 kbit/s data link (T1.403 section 9.4): HDLC flags 01111110 while idle, messages zero-bit stuffed with a CRC-16
  FCS (ISO 13239: reflected 0x8408, init and xorout 0xFFFF, low octet first), octets least significant bit first;
  the yellow alarm is the bit-oriented pattern 11111111 00000000 repeated.
"""


def crc(bits, poly_bits):
    """Remainder of bits * x^n / g, n = len(poly_bits) - 1, by long division (poly_bits most significant first)."""
    n = len(poly_bits) - 1
    m = list(bits) + [0] * n
    for i in range(len(bits)):
        if m[i]:
            for j, g in enumerate(poly_bits):
                m[i + j] ^= g
    return m[-n:]


def octet_bits(b):
    return [(b >> (7 - k)) & 1 for k in range(8)]


def pack(bits):
    out = bytearray((len(bits) + 7) // 8)
    for i, b in enumerate(bits):
        if b:
            out[i // 8] |= 0x80 >> (i % 8)
    return bytes(out[: len(bits) // 8])


def write(name, comment, bits):
    data = pack(bits)
    with open(name, "w") as f:
        for line in comment.strip().splitlines():
            f.write("# " + line + "\n")
        for i in range(0, len(data), 32):
            f.write(data[i : i + 32].hex() + "\n")


# ---------------------------------------------------------------------------------------------------------- E1

MFAS = [0, 0, 1, 0, 1, 1]


def e1_stream(frames, crc4, payload=lambda f, ts: ts, a_bit=lambda f: 0, e_bit=lambda f: 1, fas=lambda f: None):
    """frames of E1, TS0 per G.704; returns the bit list."""
    frame_bits = []
    for f in range(frames):
        ts0 = [0] * 8
        if f % 2 == 0:
            ts0[1:] = fas(f) or [0, 0, 1, 1, 0, 1, 1]
        else:
            ts0[1] = 1
            ts0[2] = a_bit(f)
            ts0[3:] = [1, 1, 1, 1, 1]
        body = []
        for ts in range(1, 32):
            body += octet_bits(payload(f, ts))
        frame_bits.append([ts0, body])
    # Si bits
    for f in range(frames):
        n = f % 16
        if not crc4:
            frame_bits[f][0][0] = 1
        elif n % 2 == 1 and n < 12:
            frame_bits[f][0][0] = MFAS[n // 2]
        elif n in (13, 15):
            frame_bits[f][0][0] = e_bit(f)
        else:
            frame_bits[f][0][0] = 0  # C bit, filled below
    if crc4:
        for smf in range(frames // 8):
            if smf == 0:
                c = [0, 0, 0, 0]
            else:
                prev = []
                for f in range((smf - 1) * 8, smf * 8):
                    ts0 = list(frame_bits[f][0])
                    if f % 2 == 0:
                        ts0[0] = 0
                    prev += ts0 + frame_bits[f][1]
                c = crc(prev, [1, 0, 0, 1, 1])
            for k in range(4):
                frame_bits[smf * 8 + 2 * k][0][0] = c[k]
    bits = []
    for ts0, body in frame_bits:
        bits += ts0 + body
    return bits


write(
    "e1-crc4-offset-5.hex",
    "E1 with the CRC-4 multiframe, 48 frames, TSn carries n; the stream starts 5 one-bits early (the line at an\n"
    "arbitrary bit phase).",
    [1] * 5 + e1_stream(48, True),
)

errored = e1_stream(64, True)
errored[45 * 256 + 20 * 8 + 3] ^= 1
write(
    "e1-crc4-errored-block.hex",
    "E1 CRC-4, 64 frames, TSn = n; bit 4 of TS20 in frame 45 inverted after the C bits were computed: the\n"
    "sub-multiframe of frames 40-47 is errored (its CRC is checked against C1..C4 in frames 48-54).",
    errored,
)

write(
    "e1-crc4-e-bit.hex",
    "E1 CRC-4, 64 frames, TSn = n; E1 (bit 1 of frame 13 of the second multiframe, frame 29) at 0: the far end\n"
    "reports one errored sub-multiframe.",
    e1_stream(64, True, e_bit=lambda f: 0 if f == 29 else 1),
)

write(
    "e1-remote-alarm.hex",
    "E1 without CRC-4 (Si = 1), 40 frames, TSn = n; the A bit (bit 3 of the NFAS) is 1 in the odd frames 9 to 29.",
    e1_stream(40, False, a_bit=lambda f: 1 if 9 <= f <= 29 else 0),
)

write(
    "e1-three-bad-fas.hex",
    "E1 without CRC-4, 40 frames, TSn = n; the FAS of frames 10, 12 and 14 is 0011010 (its last bit wrong): three\n"
    "consecutive incorrect FAS (G.706 4.1.1).",
    e1_stream(40, False, fas=lambda f: [0, 0, 1, 1, 0, 1, 0] if f in (10, 12, 14) else None),
)

write(
    "e1-ais-then-framed.hex",
    "E1: 8 frames' worth of unframed all ones (AIS, G.775: two or fewer zeros in each of two consecutive double\n"
    "frames), then 8 frames without CRC-4, TSn = n.",
    [1] * (8 * 256) + e1_stream(8, False),
)

write(
    "e1-los-then-framed.hex",
    "E1: 320 zero bits (no signal: LOS on the 255th, G.775), then 8 frames without CRC-4, TSn = n.",
    [0] * 320 + e1_stream(8, False),
)

# ---------------------------------------------------------------------------------------------------------- T1

D4 = [1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0]
FPS = [0, 0, 1, 0, 1, 1]


def hdlc_bits(message):
    """One HDLC frame: flag, message and FCS with zero insertion, flag; octets least significant bit first."""
    reg = 0xFFFF
    for b in message:
        reg ^= b
        for _ in range(8):
            reg = (reg >> 1) ^ 0x8408 if reg & 1 else reg >> 1
    fcs = reg ^ 0xFFFF
    data = list(message) + [fcs & 0xFF, fcs >> 8]
    flag = [0, 1, 1, 1, 1, 1, 1, 0]
    out = list(flag)
    ones = 0
    for b in data:
        for k in range(8):
            bit = (b >> k) & 1
            out.append(bit)
            ones = ones + 1 if bit else 0
            if ones == 5:
                out.append(0)
                ones = 0
    return out + flag


def t1_stream(frames, esf, payload=lambda f, ch: 0x40 | ch, data_link=None, f_override=lambda f, bit: bit):
    """frames of T1 (193 bits each), channel n carrying 0x40 | n (bit 2 set: no D4 yellow); data_link(i) gives the
    i-th data-link bit (ESF) or None for flags."""
    flag = [0, 1, 1, 1, 1, 1, 1, 0]
    payloads = []
    for f in range(frames):
        body = []
        for ch in range(1, 25):
            body += octet_bits(payload(f, ch))
        payloads.append(body)
    fbits = [0] * frames
    dl = 0
    for f in range(frames):
        n = f % 24 + 1 if esf else f % 12 + 1
        if not esf:
            fbits[f] = D4[n - 1]
        elif n % 4 == 0:
            fbits[f] = FPS[n // 4 - 1]
        elif n % 2 == 1:
            bit = data_link(dl) if data_link else None
            fbits[f] = flag[dl % 8] if bit is None else bit
            dl += 1
    if esf:
        for sf in range(frames // 24):
            if sf == 0:
                c = [0] * 6
            else:
                prev = []
                for f in range((sf - 1) * 24, sf * 24):
                    prev += [1] + payloads[f]
                c = crc(prev, [1, 0, 0, 0, 0, 1, 1])
            for k in range(6):
                fbits[sf * 24 + 4 * k + 1] = c[k]
    bits = []
    for f in range(frames):
        bits += [f_override(f, fbits[f])] + payloads[f]
    return bits


PRM = bytes.fromhex("380103112233445566778899aabb")
message = hdlc_bits(PRM)
# The message starts with the data-link bit of superframe 8 (12 data-link bits a superframe); flags before and after.
start = 8 * 12
write(
    "t1-esf-data-link-offset-3.hex",
    "T1 ESF, 600 frames, channel n carries 0x40 + n; the data link carries flags and, from superframe 8 on, one HDLC\n"
    "message of 14 octets (a T1.403 performance report message layout: 38 01 03, then data) with its FCS; the\n"
    "stream starts 3 one-bits early.",
    [1] * 3
    + t1_stream(
        600,
        True,
        data_link=lambda i: message[i - start] if start <= i < start + len(message) else None,
    ),
)

YELLOW = [1] * 8 + [0] * 8
write(
    "t1-esf-yellow.hex",
    "T1 ESF, 600 frames, channel n carries 0x40 + n; the data link carries the yellow alarm 11111111 00000000 in\n"
    "superframes 6 to 15 (120 data-link bits) and flags elsewhere.",
    t1_stream(600, True, data_link=lambda i: YELLOW[i % 16] if 72 <= i < 72 + 120 else None),
)

write(
    "t1-d4-offset-17.hex",
    "T1 D4/SF, 96 frames, channel n carries 0x40 + n; the stream starts 17 one-bits early.",
    [1] * 17 + t1_stream(96, False),
)

write(
    "t1-d4-two-bad-ft.hex",
    "T1 D4/SF, 200 frames, channel n carries 0x40 + n; the F bits of frames 108 and 110 (superframe frames 1 and 3: Ft)\n"
    "inverted: two errored Ft bits of four.",
    t1_stream(200, False, f_override=lambda f, bit: bit ^ 1 if f in (108, 110) else bit),
)

write(
    "t1-ais-then-framed.hex",
    "T1: 20 frames' worth of unframed all ones (AIS), then 100 ESF frames, channel n carries 0x40 + n.",
    [1] * (20 * 193) + t1_stream(100, True),
)

write(
    "t1-los-then-framed.hex",
    "T1: 400 zero bits (LOS on the 175th), then 100 ESF frames, channel n carries 0x40 + n.",
    [0] * 400 + t1_stream(100, True),
)

# -------------------------------------------------------------------------- what our framers must send, bit for bit

write(
    "e1-crc4-framer.hex",
    "E1 CRC-4 as a framer must send it: 64 frames, TSn carries n, no errors reported (E bits 1); the C bits of the\n"
    "first sub-multiframe are 0000 (no previous one).",
    e1_stream(64, True),
)

write(
    "t1-esf-framer.hex",
    "T1 ESF as a framer must send it: 48 frames, channel n carries 0x40 + n, data link idle (flags); the CRC-6 of\n"
    "the first superframe is 000000 (no previous one).",
    t1_stream(48, True),
)

write(
    "t1-d4-framer.hex",
    "T1 D4/SF as a framer must send it: 24 frames, channel n carries 0x40 + n.",
    t1_stream(24, False),
)
