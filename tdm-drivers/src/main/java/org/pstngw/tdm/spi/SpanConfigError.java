package org.pstngw.tdm.spi;

/**
 * One defect of a span configuration.
 *
 * @param span name of the span
 * @param field the configuration field at fault, e.g. {@code channels[3].timeslot}
 * @param message what is wrong, in words
 */
public record SpanConfigError(String span, String field, String message) {
    @Override
    public String toString() {
        return "span '" + span + "' " + field + ": " + message;
    }
}
