package org.pstngw.sipi.isup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/** Hex fixtures under src/test/resources (whitespace and # comments ignored). */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] hex(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            StringBuilder sb = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .toList()) {
                int hash = line.indexOf('#');
                sb.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
            }
            return HexFormat.of().parseHex(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory of fixtures, as a path (the test classpath is a directory of files). */
    public static Path directory(String resource) {
        URL url = Fixtures.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no fixture directory " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(resource, e);
        }
    }
}
