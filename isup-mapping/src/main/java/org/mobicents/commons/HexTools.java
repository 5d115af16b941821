package org.mobicents.commons;

/**
 * The one class jSS7 needs from {@code org.mobicents.commons:commons}, which is not on Maven Central: sctp's
 * {@code PayloadData.toString()} and m3ua's {@code HeartbeatDataImpl.toString()} call {@link #dump(byte[], int)}.
 */
public final class HexTools {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HexTools() {}

    /** Hex dump, 16 bytes a line, each line prefixed with its address counted from {@code startAddress}. */
    @SuppressWarnings("JdkObsolete") // the signature jSS7 was compiled against returns StringBuffer
    public static StringBuffer dump(byte[] data, int startAddress) {
        StringBuffer sb = new StringBuffer();
        if (data == null) {
            return sb.append("null");
        }
        for (int i = 0; i < data.length; i += 16) {
            sb.append(String.format("%04X:", startAddress + i));
            int end = Math.min(data.length, i + 16);
            for (int j = i; j < end; j++) {
                sb.append(' ').append(HEX[(data[j] >> 4) & 0xF]).append(HEX[data[j] & 0xF]);
            }
            sb.append('\n');
        }
        return sb;
    }
}
