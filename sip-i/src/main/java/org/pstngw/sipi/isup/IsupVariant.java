package org.pstngw.sipi.isup;

/** The ISUP dialect on the wire: ITU-T Q.763 or ANSI T1.113. */
public enum IsupVariant {
    /** ITU-T Q.761-Q.764 (also the base of most national variants). */
    ITU,
    /** ANSI T1.113 (North America). */
    ANSI
}
