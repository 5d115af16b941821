package org.pstngw.tdm.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds TDM drivers on the class path with {@link ServiceLoader} and opens them by name. */
public final class TdmDrivers {
    /** The driver used when configuration names none. */
    public static final String DEFAULT_DRIVER = "loopback";

    private TdmDrivers() {}

    /** Names of all drivers found, sorted. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (TdmDriverProvider provider :
                ServiceLoader.load(TdmDriverProvider.class, TdmDrivers.class.getClassLoader())) {
            names.add(provider.name());
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /**
     * Creates the driver called {@code name} (not yet started).
     *
     * @throws UnknownDriverException naming the known drivers when none is called {@code name}
     */
    public static TdmDriver open(String name, DriverContext context) {
        for (TdmDriverProvider provider :
                ServiceLoader.load(TdmDriverProvider.class, TdmDrivers.class.getClassLoader())) {
            if (provider.name().equals(name)) {
                return provider.create(context);
            }
        }
        throw new UnknownDriverException(name, names());
    }
}
