package org.pstngw.tdm.spi;

/**
 * Service-provider interface: each driver jar lists its provider in {@code
 * META-INF/services/org.pstngw.tdm.spi.TdmDriverProvider}; {@link TdmDrivers} finds it with {@link
 * java.util.ServiceLoader} and selects it by {@link #name()}.
 */
public interface TdmDriverProvider {
    /** The name configuration selects the driver by, e.g. {@code loopback}. Lower case, unique. */
    String name();

    /** One line for humans (listed in errors and the management API). */
    String description();

    /** Creates a driver instance (not started). */
    TdmDriver create(DriverContext context);
}
