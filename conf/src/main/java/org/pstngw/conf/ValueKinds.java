package org.pstngw.conf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The value kinds settings are made of. */
public final class ValueKinds {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|min|m|h)?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private ValueKinds() {}

    /** Any text. */
    public static ValueKind<String> string() {
        return new Simple<>("text", s -> s);
    }

    /** Text that is not blank. */
    public static ValueKind<String> nonBlank() {
        return new Simple<>("non-empty text", s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return s;
        });
    }

    public static ValueKind<Boolean> bool() {
        return new Simple<>("true | false", s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + s + "' is not true or false");
        });
    }

    /** A secret text (a password): read like text, never printed. */
    public static ValueKind<Secret> secret() {
        return new ValueKind<>() {
            @Override
            public Secret parse(String text) {
                return new Secret(text);
            }

            @Override
            public String describe() {
                return "secret text";
            }
        };
    }

    /** An integer in {@code min..max}. */
    public static ValueKind<Integer> integer(int min, int max) {
        return new Simple<>("integer " + min + ".." + max, s -> (int) parseLong(s, min, max));
    }

    /** A long in {@code min..max}. */
    public static ValueKind<Long> longInteger(long min, long max) {
        return new Simple<>("integer " + min + ".." + max, s -> parseLong(s, min, max));
    }

    /** A TCP/UDP port; {@code min} is 0 where 0 means "pick a free port". */
    public static ValueKind<Integer> port(int min) {
        return new Simple<>("port " + min + "..65535", s -> (int) parseLong(s, min, 65535));
    }

    /** An IP address literal (IPv4 or IPv6), never resolved. */
    public static ValueKind<String> ipAddress() {
        return new Simple<>("IP address", s -> {
            String t = s.strip();
            if (!isIpLiteral(t)) {
                throw new IllegalArgumentException("'" + s + "' is not an IP address");
            }
            return t;
        });
    }

    /** An IP address literal or a DNS host name (syntax only, never resolved). */
    public static ValueKind<String> host() {
        return new Simple<>("IP address or host name", s -> {
            String t = s.strip();
            if (!isIpLiteral(t) && !isHostName(t)) {
                throw new IllegalArgumentException("'" + s + "' is not an IP address or host name");
            }
            return t;
        });
    }

    /**
     * A duration written with a unit ({@code 500ms}, {@code 32s}, {@code 3min} or {@code 3m}, {@code 1h}); a bare
     * number is read in {@code defaultUnit}. Must lie in {@code min..max}.
     */
    public static ValueKind<Duration> duration(Duration min, Duration max, String defaultUnit) {
        return new ValueKind<>() {
            @Override
            public Duration parse(String text) {
                Matcher m = DURATION.matcher(text.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException(
                            "'" + text + "' is not a duration such as 500ms, 32s, 3min or 1h");
                }
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? defaultUnit : m.group(2);
                Duration d = switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m", "min" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> throw new IllegalStateException(unit);
                };
                if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                    throw new IllegalArgumentException(
                            formatDuration(d) + " is out of range " + formatDuration(min) + ".." + formatDuration(max));
                }
                return d;
            }

            @Override
            public String describe() {
                return "duration " + formatDuration(min) + ".." + formatDuration(max);
            }

            @Override
            public String format(Duration value) {
                return formatDuration(value);
            }
        };
    }

    /** An enum constant, written lower case with dashes ({@code SEQUENTIAL_UP} is {@code sequential-up}). */
    public static <E extends Enum<E>> ValueKind<E> enumOf(Class<E> type) {
        E[] values = type.getEnumConstants();
        String names = Arrays.stream(values).map(ValueKinds::enumName).collect(Collectors.joining(" | "));
        return new ValueKind<>() {
            @Override
            public E parse(String text) {
                String t = text.strip();
                for (E e : values) {
                    if (enumName(e).equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("'" + text + "' is not one of " + names);
            }

            @Override
            public String describe() {
                return names;
            }

            @Override
            public String format(E value) {
                return enumName(value);
            }
        };
    }

    /** Timeslot ranges such as {@code 1-15,17-31}. */
    public static ValueKind<Timeslots> timeslots() {
        return new Simple<>("timeslot ranges like 1-15,17-31", Timeslots::parse);
    }

    /**
     * A signalling point code: an integer, or {@code x-y-z} in the given notation; at most {@code maxBits} bits.
     */
    public static ValueKind<Integer> pointCode(Ss7Config.PointCodeFormat format, int maxBits) {
        int max = (1 << maxBits) - 1;
        return new ValueKind<>() {
            @Override
            public Integer parse(String text) {
                String t = text.strip();
                if (t.indexOf('-') < 0) {
                    return (int) parseLong(t, 0, max);
                }
                int[] widths =
                        format == Ss7Config.PointCodeFormat.ITU_3_8_3 ? new int[] {3, 8, 3} : new int[] {8, 8, 8};
                String[] parts = t.split("-", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("'" + text + "' is not a point code in " + notation(widths));
                }
                long value = 0;
                for (int i = 0; i < 3; i++) {
                    long part;
                    try {
                        part = Long.parseLong(parts[i].strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "'" + text + "' is not a point code in " + notation(widths), e);
                    }
                    long limit = (1L << widths[i]) - 1;
                    if (part < 0 || part > limit) {
                        throw new IllegalArgumentException("'" + text + "': part " + (i + 1) + " (" + part
                                + ") is out of range 0.." + limit + " in " + notation(widths));
                    }
                    value = (value << widths[i]) | part;
                }
                if (value > max) {
                    throw new IllegalArgumentException(value + " is out of range 0.." + max);
                }
                return (int) value;
            }

            @Override
            public String describe() {
                return "point code 0.." + max + " or x-y-z";
            }
        };
    }

    /** A list of values; in YAML a sequence, or one comma-separated scalar. */
    public static <T> ListOf<T> listOf(ValueKind<T> element) {
        return new ListOf<>(element);
    }

    /** A mapping of text keys to text values. */
    public static ValueKind<Map<String, String>> stringMap() {
        return new StringMap();
    }

    /** A list kind, read element by element so errors name {@code key[i]}. */
    public record ListOf<T>(ValueKind<T> element) implements ValueKind<List<T>> {
        @Override
        public List<T> parse(String text) {
            return Arrays.stream(text.split(",", -1))
                    .map(String::strip)
                    .map(element::parse)
                    .toList();
        }

        @Override
        public String describe() {
            return "list of " + element.describe();
        }

        @Override
        public String format(List<T> value) {
            return value.stream().map(element::format).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** A text-to-text mapping kind; read from a YAML mapping by the reader. */
    public static final class StringMap implements ValueKind<Map<String, String>> {
        @Override
        public Map<String, String> parse(String text) {
            throw new IllegalArgumentException("expected a mapping of names to values");
        }

        @Override
        public String describe() {
            return "mapping of text to text";
        }

        @Override
        public String format(Map<String, String> value) {
            return value.isEmpty() ? "{}" : value.toString();
        }
    }

    static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "min";
        }
        return s + "s";
    }

    private static String notation(int[] widths) {
        return widths[0] + "-" + widths[1] + "-" + widths[2] + " notation";
    }

    private static long parseLong(String s, long min, long max) {
        long v;
        try {
            v = Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not an integer", e);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    private static boolean isIpLiteral(String t) {
        if (t.indexOf(':') < 0 && !DOTTED_QUAD.matcher(t).matches()) {
            return false;
        }
        try {
            InetAddress.ofLiteral(t);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isHostName(String t) {
        if (t.isEmpty() || t.length() > 253) {
            return false;
        }
        String name = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
        for (String label : name.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !name.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private record Simple<T>(String describe, Parser<T> parser) implements ValueKind<T> {
        @Override
        public T parse(String text) {
            return parser.parse(text);
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }
}
