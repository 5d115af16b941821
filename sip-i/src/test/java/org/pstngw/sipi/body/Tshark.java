package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * tshark's dissection of a pcap as a tree (PDML, {@code tshark -T pdml}): one {@link Packet} per frame, with the ISUP
 * protocol tree and every expert item together with the fields it hangs under.
 */
final class Tshark {
    /** Wireshark's PI_WARN severity: expert items at or above it are warnings or errors. */
    static final int PI_WARN = 0x00600000;

    private Tshark() {}

    /** One expert item: its message, severity and the names of the fields and protocols above it. */
    record Expert(String message, int severity, List<String> ancestors) {}

    /** One frame: its ISUP tree (if tshark found ISUP), expert items, and whether anything was malformed. */
    record Packet(Optional<Element> isup, List<Expert> experts, boolean malformed) {}

    /** Runs tshark on {@code pcap} and returns its dissection, frame by frame; fails (not skips) without tshark. */
    static List<Packet> dissect(Path pcap) throws IOException, InterruptedException {
        Process p;
        Path out = Files.createTempFile(pcap.getParent(), "pdml", ".xml");
        try {
            p = new ProcessBuilder("tshark", "-n", "-r", pcap.toString(), "-T", "pdml")
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return fail(
                    "tshark is needed as the judge of SIP-I encoding (Debian package tshark, installed by .ci/run): "
                            + e.getMessage());
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return fail("tshark did not finish within 60 s");
        }
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("tshark exit, stderr: %s", err).isZero();
        return parse(Files.readAllBytes(out));
    }

    static List<Packet> parse(byte[] pdml) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(pdml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("tshark's PDML does not parse", e);
        }
        List<Packet> packets = new ArrayList<>();
        for (Element packet : children(doc.getDocumentElement(), "packet")) {
            List<Element> all = new ArrayList<>();
            collect(packet, all);
            Optional<Element> isup = all.stream()
                    .filter(e -> e.getTagName().equals("proto") && name(e).equals("isup"))
                    .findFirst();
            boolean malformed = all.stream().anyMatch(e -> name(e).equals("_ws.malformed"));
            List<Expert> experts = new ArrayList<>();
            for (Element e : all) {
                if (name(e).equals("_ws.expert")) {
                    experts.add(new Expert(
                            childShow(e, "_ws.expert.message"),
                            Integer.parseInt(childShow(e, "_ws.expert.severity")),
                            ancestors(e)));
                }
            }
            packets.add(new Packet(isup, List.copyOf(experts), malformed));
        }
        return packets;
    }

    static String name(Element e) {
        return e.getAttribute("name");
    }

    /** The element children of {@code e} with tag {@code tag}, in document order. */
    static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every element below {@code e}, in document order. */
    static void collect(Element e, List<Element> into) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                into.add(c);
                collect(c, into);
            }
        }
    }

    /** The {@code show} values of the fields named {@code name} below {@code e}, in document order. */
    static List<String> shows(Element e, String name) {
        List<Element> all = new ArrayList<>();
        collect(e, all);
        return all.stream()
                .filter(c -> name(c).equals(name))
                .map(c -> c.getAttribute("show"))
                .toList();
    }

    private static String childShow(Element e, String name) {
        for (Element c : children(e, "field")) {
            if (name(c).equals(name)) {
                return c.getAttribute("show");
            }
        }
        return "";
    }

    private static List<String> ancestors(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getParentNode(); n instanceof Element a; n = a.getParentNode()) {
            names.add(name(a));
        }
        return names;
    }
}
