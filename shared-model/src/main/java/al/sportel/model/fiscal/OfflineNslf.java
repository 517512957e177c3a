package al.sportel.model.fiscal;

/**
 * The NSLF a counter printed while cut off from the server (ADR 0007 section 3): the invoice ordinal taken
 * from its reserved block and the IIC with its signature. The server recomputes the IIC before accepting it.
 */
public record OfflineNslf(int invOrdNum, String iic, String iicSignature) {
}
