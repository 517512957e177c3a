package al.sportel.server.fiscal;

/**
 * Which invoice number goes into the IIC's fields (docs/decisions/0007-fiscal-invnum-and-keys.md).
 * {@code FULL} ("9952/2026/ab123ab123") is what spec 5.3.3.1 names (the InvNum of 3.7.1.11) and what
 * control 60 checks in the message; {@code ORDINAL} ("9952") is what the worked example shows.
 */
public enum InvNumMode {
    FULL, ORDINAL;

    public String forIic(int ordinal, String fullNumber) {
        return this == ORDINAL ? Integer.toString(ordinal) : fullNumber;
    }
}
