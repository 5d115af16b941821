package org.pstngw.sip.message;

/** One Contact value (RFC 3261 20.10): {@code *} or an address with expires/q parameters. */
public sealed interface Contact {
    /** {@code Contact: *} (REGISTER remove-all). */
    record Star() implements Contact {
        @Override
        public String toString() {
            return "*";
        }
    }

    record Address(NameAddr address) implements Contact {
        /** The expires parameter, or -1 when absent or not a number. */
        public long expires() {
            String e = address.params().get("expires");
            if (e == null || e.isEmpty() || e.length() > 10 || !e.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            return Long.parseLong(e);
        }

        /** The q parameter, or -1 when absent or not a qvalue (RFC 3261 20.10: 0 to 1, three decimals). */
        public double q() {
            String q = address.params().get("q");
            if (q == null || !q.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
                return -1;
            }
            return Double.parseDouble(q);
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    static Contact parse(String value) {
        byte[] b = Bytes.utf8(value);
        return Contacts.parse(b, 0, b.length, true);
    }
}
