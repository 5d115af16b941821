package org.pstngw.sipi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parts whose headers and boundary are fixed, only their contents change: the delimiter and header octets are made
 * once, and {@link #build(byte[]...)} copies them around the contents. It gives the octets {@link Multipart#build}
 * gives for the same parts, falling back on it when the boundary occurs in a content.
 */
final class MultipartTemplate {
    private final String boundary;
    private final List<List<Map.Entry<String, String>>> headers;
    private final byte[][] heads;
    private final byte[] close;
    private final ByteSearch.Needle dashed;

    private MultipartTemplate(String boundary, List<List<Map.Entry<String, String>>> headers) {
        this.boundary = boundary;
        this.headers = List.copyOf(headers);
        this.heads = new byte[headers.size()][];
        for (int i = 0; i < heads.length; i++) {
            BodyPart p = new BodyPart(headers.get(i), new byte[0]);
            byte[] h = new byte[(i > 0 ? 2 : 0) + 4 + boundary.length() + Multipart.headLength(p)];
            Multipart.writeHead(h, Multipart.delimiter(h, 0, boundary, i > 0), p);
            heads[i] = h;
        }
        this.close = new byte[boundary.length() + 8];
        int at = Multipart.delimiter(close, 0, boundary, true);
        close[at - 2] = '-';
        close[at - 1] = '-';
        close[at] = Multipart.CR;
        close[at + 1] = Multipart.LF;
        this.dashed = new ByteSearch.Needle(Multipart.dashed(boundary));
    }

    /**
     * A template for parts with these headers.
     *
     * @throws IllegalArgumentException as {@link Multipart#build} does, and when {@code boundary} occurs in a
     *     header (a template cannot pick another)
     */
    static MultipartTemplate of(String boundary, List<List<Map.Entry<String, String>>> headers) {
        List<BodyPart> empty =
                headers.stream().map(h -> new BodyPart(h, new byte[0])).toList();
        if (!Multipart.validBoundary(boundary) || Multipart.occursIn(boundary, empty)) {
            throw new IllegalArgumentException("boundary " + boundary + " invalid or in a header");
        }
        return new MultipartTemplate(boundary, headers);
    }

    /** The body with these contents, one for each part in order. */
    Multipart.Built build(byte[]... contents) {
        if (contents.length != heads.length) {
            throw new IllegalArgumentException(heads.length + " contents expected, not " + contents.length);
        }
        int size = close.length;
        for (int i = 0; i < contents.length; i++) {
            if (dashed.indexOf(contents[i], 0) >= 0) {
                List<BodyPart> parts = new ArrayList<>(contents.length);
                for (int j = 0; j < contents.length; j++) {
                    parts.add(new BodyPart(headers.get(j), contents[j]));
                }
                return Multipart.build(boundary, parts);
            }
            size += heads[i].length + contents[i].length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < contents.length; i++) {
            System.arraycopy(heads[i], 0, out, at, heads[i].length);
            at += heads[i].length;
            System.arraycopy(contents[i], 0, out, at, contents[i].length);
            at += contents[i].length;
        }
        System.arraycopy(close, 0, out, at, close.length);
        return new Multipart.Built(boundary, out);
    }
}
