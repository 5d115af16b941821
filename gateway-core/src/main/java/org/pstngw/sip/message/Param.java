package org.pstngw.sip.message;

/** One {@code ;name[=value]} parameter; {@code value} is null for a flag such as {@code ;lr} or {@code ;rport}. */
public record Param(String name, String value) {
    @Override
    public String toString() {
        return value == null ? name : name + "=" + value;
    }
}
