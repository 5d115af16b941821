package org.pstngw.sipi.body;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Content-Type or Content-Disposition value: {@code type/subtype} (or a bare disposition type) and parameters
 * (names lower-cased, values unquoted). Parsed by hand, no regex.
 */
public record MediaType(String value, Map<String, String> parameters) {
    public MediaType {
        parameters = Map.copyOf(parameters);
    }

    /** Parses; empty when the value is blank or a parameter is malformed. */
    public static Optional<MediaType> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int semi = header.indexOf(';');
        String value = (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = semi;
        int n = header.length();
        while (i >= 0 && i < n) {
            i++; // past ';'
            int eq = header.indexOf('=', i);
            int nextSemi = header.indexOf(';', i);
            if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
                if (header.substring(i, nextSemi < 0 ? n : nextSemi).isBlank()) {
                    i = nextSemi;
                    continue;
                }
                return Optional.empty();
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < n && header.charAt(v) == ' ') {
                v++;
            }
            String val;
            if (v < n && header.charAt(v) == '"') {
                int close = header.indexOf('"', v + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                val = header.substring(v + 1, close);
                i = header.indexOf(';', close);
            } else {
                int end = header.indexOf(';', v);
                val = header.substring(v, end < 0 ? n : end).trim();
                i = end;
            }
            if (name.isEmpty()) {
                return Optional.empty();
            }
            params.put(name, val);
        }
        return Optional.of(new MediaType(value, params));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public boolean is(String v) {
        return value.equalsIgnoreCase(v);
    }
}
