package org.pstngw.tdm.pseudowire;

import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.TdmDriver;
import org.pstngw.tdm.spi.TdmDriverProvider;

/** Makes the {@code pseudowire} driver known to {@link java.util.ServiceLoader}. */
public final class PseudowireDriverProvider implements TdmDriverProvider {
    @Override
    public String name() {
        return PseudowireDriver.NAME;
    }

    @Override
    public String description() {
        return "E1/T1 spans over UDP as SAToP (RFC 4553) or CESoPSN (RFC 5086)";
    }

    @Override
    public TdmDriver create(DriverContext context) {
        return new PseudowireDriver(context);
    }
}
