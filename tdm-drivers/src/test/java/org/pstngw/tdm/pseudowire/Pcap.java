package org.pstngw.tdm.pseudowire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes UDP datagrams on 127.0.0.1 as a pcap file (LINKTYPE_ETHERNET, IPv4 with its header checksum). */
final class Pcap {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int packets;

    Pcap() {
        ByteBuffer gh = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        gh.putInt(0xA1B2C3D4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1);
        out.writeBytes(gh.array());
    }

    void add(int sourcePort, int destinationPort, byte[] payload) {
        int udpLen = 8 + payload.length;
        int ipLen = 20 + udpLen;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLen).order(ByteOrder.BIG_ENDIAN);
        f.put(new byte[12]).putShort((short) 0x0800);
        int ipStart = f.position();
        f.put((byte) 0x45)
                .put((byte) 0)
                .putShort((short) ipLen)
                .putShort((short) packets)
                .putShort((short) 0);
        f.put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x7F000001).putInt(0x7F000001);
        int sum = 0;
        for (int i = ipStart; i < ipStart + 20; i += 2) {
            sum += ((f.get(i) & 0xFF) << 8) | (f.get(i + 1) & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        f.putShort(ipStart + 10, (short) ~sum);
        f.putShort((short) sourcePort)
                .putShort((short) destinationPort)
                .putShort((short) udpLen)
                .putShort((short) 0);
        f.put(payload);
        ByteBuffer rh = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rh.putInt(1_700_000_000 + packets / 1000).putInt((packets % 1000) * 1000);
        rh.putInt(f.capacity()).putInt(f.capacity());
        out.writeBytes(rh.array());
        out.writeBytes(f.array());
        packets++;
    }

    void write(Path file) throws IOException {
        Files.write(file, out.toByteArray());
    }
}
