package org.pstngw.sip.message;

/** A tel URI (RFC 3966): the number as written (visual separators kept) and its parameters. */
public record TelUri(String number, Params params, String raw) implements Uri {
    public static TelUri parse(String text) {
        int colon = text.indexOf(':');
        String rest = text.substring(colon + 1);
        int semi = rest.indexOf(';');
        String number = semi < 0 ? rest : rest.substring(0, semi);
        if (number.isEmpty()) {
            throw new SipSyntaxException("empty tel number");
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "+-.()*#".indexOf(c) >= 0)) {
                throw new SipSyntaxException("invalid character in tel number: " + number);
            }
        }
        Params params = semi < 0 ? Params.EMPTY : new Lexer(rest.substring(semi)).params();
        return new TelUri(number, params, text);
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** True for a global number ({@code +} prefix). */
    public boolean isGlobal() {
        return number.startsWith("+");
    }

    /** The digits without visual separators (RFC 3966 5.1.1). */
    public String digits() {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != '-' && c != '.' && c != '(' && c != ')') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** RFC 3966 4: numbers compare without visual separators, parameters by name regardless of order. */
    @Override
    public boolean equivalent(Uri other) {
        if (!(other instanceof TelUri t) || !t.digits().equalsIgnoreCase(digits())) {
            return false;
        }
        if (t.params.list().size() != params.list().size()) {
            return false;
        }
        for (Param p : params.list()) {
            var q = t.params.find(p.name());
            if (q.isEmpty()
                    || !java.util.Objects.equals(lower(p.value()), lower(q.get().value()))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return raw;
    }
}
