package al.sportel.server.fiscal;

import al.sportel.model.billing.PaymentRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The taxpayer's fiscalization settings (one row, changed by an administrator). {@code vatRate} is in
 * hundredths of a percent; {@code endpointUrl} null means the environment's own address.
 */
public record FiscalSettings(boolean enabled, String nuis, String legalName, String address, String town, String softCode,
                             String maintainerCode, Environment environment, String endpointUrl, String keystorePath,
                             String keystorePasswordFile, InvNumMode invNumMode, boolean fiscalizeBillPayments,
                             boolean issuerInVat, int vatRate, int timeoutMillis) {

    /**
     * The longest wait for the authority a setting may ask: the clerk's answer waits for it, and the counter
     * gives up on an answer after {@link PaymentRequest#ANSWER_WAIT} and prints a receipt without the fiscal code.
     */
    public static final int MAX_TIMEOUT_MILLIS = (int) PaymentRequest.ANSWER_WAIT.toMillis() - 2_000;

    /** The wait a setting asks, within {@link #MAX_TIMEOUT_MILLIS} (rows written before the bound may ask more). */
    public Duration timeout() {
        return Duration.ofMillis(Math.min(timeoutMillis, MAX_TIMEOUT_MILLIS));
    }

    /** The authority's two environments (spec 3.7.6 and the WSDL). */
    public enum Environment {
        TEST("https://efiskalizimi-test.tatime.gov.al:443/FiscalizationService-v3",
                "https://efiskalizimi-app-test.tatime.gov.al/invoice-check/#/verify"),
        PRODUCTION("https://efiskalizimi.tatime.gov.al:443/FiscalizationService-v3",
                "https://efiskalizimi-app.tatime.gov.al/invoice-check/#/verify");

        private final String service;
        private final String verify;

        Environment(String service, String verify) {
            this.service = service;
            this.verify = verify;
        }

        public String verifyBase() {
            return verify;
        }
    }

    public URI endpoint() {
        return URI.create(endpointUrl != null ? endpointUrl : environment.service);
    }

    /** What still keeps receipts from being fiscalized; empty when ready. */
    public List<String> missing() {
        List<String> m = new ArrayList<>();
        if (!FiscalFormats.isNuis(nuis)) {
            m.add("nuis");
        }
        if (legalName == null) {
            m.add("legalName");
        }
        if (address == null) {
            m.add("address");
        }
        if (town == null) {
            m.add("town");
        }
        if (!FiscalFormats.isCode(softCode)) {
            m.add("softCode");
        }
        if (keystorePath == null) {
            m.add("keystorePath");
        }
        if (keystorePasswordFile == null) {
            m.add("keystorePasswordFile");
        }
        return m;
    }
}
