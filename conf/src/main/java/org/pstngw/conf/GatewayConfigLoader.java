package org.pstngw.conf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a {@link GatewayConfig} from YAML. Every defect in the file is collected; if there is any, one
 * {@link ConfigException} lists them all as {@code file:line:column: field.path: message}.
 */
public final class GatewayConfigLoader {
    /** Classpath folder of the shipped profiles. */
    public static final String PROFILE_DIR = "org/pstngw/conf/profiles/";

    /** The shipped profile names. */
    public static final List<String> PROFILES =
            List.of("embedded", "carrier-interconnect", "pbx-to-pstn", "ss7-bridging");

    private static final int MAX_FILE_CHARS = 1 << 20;

    private GatewayConfigLoader() {}

    /** The embedded demo defaults (what an empty file gives). */
    public static GatewayConfig defaults() {
        return parse("", "defaults");
    }

    /** Loads a file. */
    public static GatewayConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(List.of(new ConfigError(name, 0, 0, "", "cannot read: " + e)));
        }
        return parse(text, name);
    }

    /** Loads a shipped profile by name, such as {@code embedded}. */
    public static GatewayConfig loadProfile(String profile) {
        String resource = PROFILE_DIR + profile + ".yaml";
        try (InputStream in = GatewayConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(List.of(new ConfigError(
                        profile + ".yaml",
                        0,
                        0,
                        "",
                        "no such profile; shipped profiles: " + String.join(", ", PROFILES))));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), profile + ".yaml");
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(profile + ".yaml", 0, 0, "", "cannot read: " + e)));
        }
    }

    /**
     * Parses YAML text; {@code fileName} names the source in errors.
     *
     * @throws ConfigException listing every defect
     */
    public static GatewayConfig parse(String yaml, String fileName) {
        return parse(yaml, fileName, System::getenv);
    }

    /**
     * Parses YAML text, reading {@code ${env:NAME}} secrets through {@code env}.
     *
     * @throws ConfigException listing every defect
     */
    public static GatewayConfig parse(String yaml, String fileName, UnaryOperator<String> env) {
        ErrorSink errors = new ErrorSink(fileName, env);
        Node root = compose(yaml, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors.errors());
        }
        NodeReader r = new NodeReader(errors, "", root);
        NodeConfig node = BasicSections.node(r.section("node"));
        SipConfig sip = SipSection.read(r.section("sip"));
        Map<String, SpanConfig> spans = new HashMap<>();
        TdmConfig tdm = TdmSection.read(r.section("tdm"), spans);
        Ss7Config ss7 = Ss7Section.read(r.section("ss7"), spans);
        MediaConfig media = BasicSections.media(r.section("media"));
        ManagementConfig management = BasicSections.management(r.section("management"));
        r.finish();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors.errors());
        }
        return new GatewayConfig(node, sip, ss7, tdm, media, management);
    }

    private static Node compose(String yaml, ErrorSink errors) {
        if (yaml.length() > MAX_FILE_CHARS) {
            errors.add(
                    new ConfigLocation(errors.file(), 0, 0),
                    "",
                    "file is larger than " + MAX_FILE_CHARS + " characters");
            return null;
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(errors.file())
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(50)
                .build();
        try {
            Optional<Node> node = new Compose(settings).composeString(yaml);
            return node.orElse(null);
        } catch (MarkedYamlEngineException e) {
            ConfigLocation at = errors.locate(e.getProblemMark().or(e::getContextMark));
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            errors.add(at, "", "YAML syntax: " + problem);
            return null;
        } catch (YamlEngineException e) {
            errors.add(new ConfigLocation(errors.file(), 0, 0), "", "YAML: " + e.getMessage());
            return null;
        }
    }
}
