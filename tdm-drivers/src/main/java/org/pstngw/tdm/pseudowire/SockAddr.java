package org.pstngw.tdm.pseudowire;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Linux {@code struct sockaddr_in} / {@code sockaddr_in6} in native memory, and the key a datagram's source is looked
 * up by ({@link SourceTable}): the family and port word, then the address (IPv4 in the first long, IPv6 in two).
 *
 * <pre>
 *   sockaddr_in  (16): u16 family (host order) | u16 port (network) | 4 address | 8 zero
 *   sockaddr_in6 (28): u16 family | u16 port | u32 flow info | 16 address | u32 scope id
 * </pre>
 */
final class SockAddr {
    static final short AF_INET = 2;
    static final short AF_INET6 = 10;
    static final int IN_BYTES = 16;
    static final int IN6_BYTES = 28;
    /** Room for either. */
    static final int MAX_BYTES = 32;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    private SockAddr() {}

    /**
     * Writes {@code address} for a socket of the given family (an IPv4 address as ::ffff:a.b.c.d on an IPv6 socket).
     *
     * @return the length written
     * @throws IllegalArgumentException an IPv6 address for an IPv4 socket
     */
    static int write(InetSocketAddress address, boolean v6Socket, MemorySegment dst) {
        dst.asSlice(0, MAX_BYTES).fill((byte) 0);
        byte[] ip = address.getAddress().getAddress();
        int port = address.getPort();
        if (!v6Socket) {
            if (ip.length != 4) {
                throw new IllegalArgumentException(address + " is IPv6; the local socket is IPv4");
            }
            dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, AF_INET);
            putPort(dst, port);
            MemorySegment.copy(ip, 0, dst, ValueLayout.JAVA_BYTE, 4, 4);
            return IN_BYTES;
        }
        dst.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, AF_INET6);
        putPort(dst, port);
        if (ip.length == 4) {
            dst.set(ValueLayout.JAVA_BYTE, 18, (byte) 0xFF);
            dst.set(ValueLayout.JAVA_BYTE, 19, (byte) 0xFF);
            MemorySegment.copy(ip, 0, dst, ValueLayout.JAVA_BYTE, 20, 4);
        } else {
            MemorySegment.copy(ip, 0, dst, ValueLayout.JAVA_BYTE, 8, 16);
            if (address.getAddress() instanceof Inet6Address v6) {
                dst.set(INT, 24, v6.getScopeId());
            }
        }
        return IN6_BYTES;
    }

    private static void putPort(MemorySegment dst, int port) {
        dst.set(ValueLayout.JAVA_BYTE, 2, (byte) (port >>> 8));
        dst.set(ValueLayout.JAVA_BYTE, 3, (byte) port);
    }

    /** The family and port word of the sockaddr at {@code at}. */
    static int familyPort(MemorySegment s, long at) {
        return s.get(INT, at);
    }

    /** The first key long: the IPv4 address, or the first half of the IPv6 one. */
    static long high(MemorySegment s, long at) {
        return isV6(s, at) ? s.get(LONG, at + 8) : s.get(INT, at + 4) & 0xFFFFFFFFL;
    }

    /** The second key long: 0 for IPv4, the second half of the IPv6 address. */
    static long low(MemorySegment s, long at) {
        return isV6(s, at) ? s.get(LONG, at + 16) : 0;
    }

    private static boolean isV6(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_SHORT_UNALIGNED, at) == AF_INET6;
    }

    /** Reads the sockaddr at 0 back (the address a socket was bound to). */
    static InetSocketAddress read(MemorySegment s) throws UnknownHostException {
        int port = ((s.get(ValueLayout.JAVA_BYTE, 2) & 0xFF) << 8) | (s.get(ValueLayout.JAVA_BYTE, 3) & 0xFF);
        boolean v6 = s.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0) == AF_INET6;
        byte[] ip = new byte[v6 ? 16 : 4];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, v6 ? 8 : 4, ip, 0, ip.length);
        InetAddress a = v6 ? Inet6Address.getByAddress(null, ip, s.get(INT, 24)) : Inet4Address.getByAddress(ip);
        return new InetSocketAddress(a, port);
    }
}
