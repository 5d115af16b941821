package org.pstngw.conf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML mapping as a section of settings. Every defect goes to the {@link ErrorSink} and the setting's
 * default is used instead, so reading continues and all errors are reported together.
 */
final class NodeReader {
    /** A secret may be given as {@code ${env:NAME}}, read from the environment at load. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final ErrorSink errors;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<String> known = new ArrayList<>();

    NodeReader(ErrorSink errors, String path, Node node) {
        this(errors, path, node, true);
    }

    /** With {@code read} false, the reader only points at {@code node} (for defaults) and holds no settings. */
    private NodeReader(ErrorSink errors, String path, Node node, boolean read) {
        this.errors = errors;
        this.path = path;
        this.node = node;
        if (!read || node == null || isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path, "expected a mapping of settings, found " + describe(node));
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                errors.add(tuple.getKeyNode(), path, "keys must be plain names");
                continue;
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                errors.add(key, child(key.getValue()), "duplicate key '" + key.getValue() + "'");
            }
        }
    }

    String path() {
        return path;
    }

    ErrorSink errors() {
        return errors;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        NodeTuple t = entries.get(key);
        return t != null && !isNull(t.getValueNode());
    }

    /** Whether the key holds an empty YAML list. */
    boolean isEmptyList(String key) {
        NodeTuple t = entries.get(key);
        return t != null
                && t.getValueNode() instanceof SequenceNode seq
                && seq.getValue().isEmpty();
    }

    /** Where a key's value is; the section itself when the key is absent. */
    ConfigLocation location(String key) {
        NodeTuple t = entries.get(key);
        return errors.locate(t != null ? t.getValueNode() : node);
    }

    void error(String key, String message) {
        errors.add(location(key), child(key), message);
    }

    /** The setting's value; its default (null for derived defaults) when absent or invalid. */
    @SuppressWarnings("unchecked")
    <T> T get(Setting<T> setting) {
        known.add(setting.key());
        NodeTuple t = entries.get(setting.key());
        if (t == null || isNull(t.getValueNode())) {
            return setting.defaultValue();
        }
        Node value = t.getValueNode();
        String where = child(setting.key());
        if (setting.kind() instanceof ValueKinds.StringMap) {
            return (T) readStringMap(value, where, (Map<String, String>) setting.defaultValue());
        }
        if (setting.kind() instanceof ValueKinds.ListOf<?> list && value instanceof SequenceNode seq) {
            return (T) readList(list, seq, where, (List<Object>) setting.defaultValue());
        }
        if (!(value instanceof ScalarNode scalar)) {
            errors.add(
                    value,
                    where,
                    "expected a single value (" + setting.kind().describe() + "), found " + describe(value));
            return setting.defaultValue();
        }
        String text = scalar.getValue();
        if (setting.secret()) {
            Matcher m = ENV_REFERENCE.matcher(text.strip());
            if (m.matches()) {
                text = errors.env(m.group(1));
                if (text == null) {
                    errors.add(value, where, "environment variable " + m.group(1) + " is not set");
                    return setting.defaultValue();
                }
            }
        }
        try {
            return setting.kind().parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(value, where, e.getMessage());
            return setting.defaultValue();
        }
    }

    /** A nested section; empty (all defaults) when absent. */
    NodeReader section(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return new NodeReader(errors, child(key), t == null ? node : t.getValueNode(), false);
        }
        return new NodeReader(errors, child(key), t.getValueNode());
    }

    /**
     * A list of nested sections, each read by {@code item}; {@code defaults} when absent. Items keep their reader so
     * later cross-checks can point at them.
     */
    <R> List<Located<R>> list(String key, Function<NodeReader, R> item, List<R> defaults) {
        known.add(key);
        NodeTuple t = entries.get(key);
        List<Located<R>> out = new ArrayList<>();
        if (t == null || isNull(t.getValueNode())) {
            NodeReader here = new NodeReader(errors, child(key), node, false);
            defaults.forEach(d -> out.add(new Located<>(d, here)));
            return out;
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            errors.add(t.getValueNode(), child(key), "expected a list, found " + describe(t.getValueNode()));
            return out;
        }
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            NodeReader r = new NodeReader(errors, child(key) + "[" + i + "]", items.get(i));
            R value = item.apply(r);
            r.finish();
            out.add(new Located<>(value, r));
        }
        return out;
    }

    /** Reports keys no setting asked for, with a suggestion for near misses. */
    void finish() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (known.contains(key)) {
                continue;
            }
            String hint = known.stream()
                    .min(Comparator.comparingInt(k -> distance(k, key)))
                    .filter(k -> distance(k, key) <= Math.max(2, key.length() / 3))
                    .map(k -> "; did you mean '" + k + "'?")
                    .orElse("");
            errors.add(e.getValue().getKeyNode(), child(key), "unknown setting '" + key + "'" + hint);
        }
    }

    private List<Object> readList(ValueKinds.ListOf<?> kind, SequenceNode seq, String where, List<Object> def) {
        List<Object> out = new ArrayList<>();
        List<Node> items = seq.getValue();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String at = where + "[" + i + "]";
            if (!(item instanceof ScalarNode s)) {
                errors.add(item, at, "expected a single value, found " + describe(item));
                ok = false;
                continue;
            }
            try {
                out.add(kind.element().parse(s.getValue()));
            } catch (IllegalArgumentException e) {
                errors.add(item, at, e.getMessage());
                ok = false;
            }
        }
        return ok ? List.copyOf(out) : def;
    }

    private Map<String, String> readStringMap(Node value, String where, Map<String, String> def) {
        if (!(value instanceof MappingNode mapping)) {
            errors.add(value, where, "expected a mapping of names to values, found " + describe(value));
            return def;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                if (out.putIfAbsent(k.getValue(), v.getValue()) != null) {
                    errors.add(k, where + "." + k.getValue(), "duplicate key '" + k.getValue() + "'");
                }
            } else {
                errors.add(t.getKeyNode(), where, "expected name: value pairs of text");
            }
        }
        return Map.copyOf(out);
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static String describe(Node n) {
        return switch (n) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "a " + n.getNodeType();
        };
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    /** A value read from a list item, with the reader that can point at its settings. */
    record Located<R>(R value, NodeReader at) {}
}
