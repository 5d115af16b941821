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
        /** The expires parameter, or -1. */
        public long expires() {
            String e = address.params().get("expires");
            return e == null ? -1 : Long.parseLong(e);
        }

        /** The q parameter, or -1. */
        public double q() {
            String q = address.params().get("q");
            return q == null ? -1 : Double.parseDouble(q);
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    static Contact parse(String value) {
        if (value.strip().equals("*")) {
            return new Star();
        }
        return new Address(NameAddr.parse(value));
    }
}
