package al.sportel.model.fiscal;

/** A counter registered with the tax authority as a TCR (electronic cash device). */
public record FiscalTcr(long counterId, String tcrCode, String businUnitCode) {
}
