package org.pstngw.tdm.framing;

/**
 * The CRC-4 check of an E1 receiver holding CRC-4 multiframe alignment (G.704 2.3.3, G.706 4.3): each
 * sub-multiframe's CRC-4 (computed over its 8 frames, C bits taken as 0) is compared with the C bits of the next
 * one; an errored block is counted, and 915 or more errored blocks of 1000 mean a false frame alignment (G.706
 * 4.3.2). The E bits of frames 13 and 15 count the far end's errored blocks. Frame after frame, one thread, no
 * allocation; part of {@link E1Deframer}.
 */
final class Crc4BlockMonitor {
    private int frameNumber;
    private int crc;
    private int expectedCrc;
    private int receivedC;
    private boolean smfStarted;
    private int blocks;
    private int erroredBlocks;
    private long crcErrors;
    private long remoteCrcErrors;

    /** Multiframe alignment (re)gained: {@code nextFrameNumber} is the multiframe position of the next frame. */
    void restart(int nextFrameNumber) {
        frameNumber = nextFrameNumber;
        smfStarted = false;
        expectedCrc = -1;
        blocks = 0;
        erroredBlocks = 0;
    }

    /** Forgets the blocks counted and the CRC awaiting its C bits (multiframe search restarted). */
    void clearBlocks() {
        expectedCrc = -1;
        blocks = 0;
        erroredBlocks = 0;
    }

    /**
     * Checks one frame of the multiframe ({@code si}: its TS0 bit 1).
     *
     * @return whether 1000 blocks ended with 915 or more errored: the frame alignment is false
     */
    boolean frame(byte[] frame, int off, int si) {
        int f = frameNumber;
        if ((f & 7) == 0) {
            crc = 0;
            receivedC = 0;
            smfStarted = true;
        }
        crc = Crc4.frame(crc, frame, off);
        if ((f & 1) == 0) {
            receivedC = (receivedC << 1) | si;
            if (si != 0) {
                crc ^= Crc4.TS0_BIT1;
            }
        } else if (f >= 13 && si == 0) {
            remoteCrcErrors++;
        }
        boolean falseAlignment = false;
        if ((f & 7) == 6 && expectedCrc >= 0) {
            falseAlignment = block(receivedC != expectedCrc);
        }
        if ((f & 7) == 7) {
            expectedCrc = smfStarted ? crc : -1;
        }
        frameNumber = (f + 1) & 15;
        return falseAlignment;
    }

    private boolean block(boolean errored) {
        if (errored) {
            crcErrors++;
            erroredBlocks++;
        }
        if (++blocks == 1000) {
            boolean falseAlignment = erroredBlocks >= 915;
            blocks = 0;
            erroredBlocks = 0;
            return falseAlignment;
        }
        return false;
    }

    /** Errored CRC-4 blocks received. */
    long crcErrors() {
        return crcErrors;
    }

    /** E bits received as 0: blocks the far end found errored. */
    long remoteCrcErrors() {
        return remoteCrcErrors;
    }
}
