package org.pstngw.tdm.loopback;

import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.TdmDriver;
import org.pstngw.tdm.spi.TdmDriverProvider;

/** Makes the {@code loopback} driver known to {@link java.util.ServiceLoader}. */
public final class LoopbackDriverProvider implements TdmDriverProvider {
    @Override
    public String name() {
        return LoopbackDriver.NAME;
    }

    @Override
    public String description() {
        return "in-memory E1/T1 spans wired back to back, paced by the frame clock (the embedded default)";
    }

    @Override
    public TdmDriver create(DriverContext context) {
        return new LoopbackDriver(context);
    }
}
