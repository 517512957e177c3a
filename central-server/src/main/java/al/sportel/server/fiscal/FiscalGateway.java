package al.sportel.server.fiscal;

import java.time.LocalDate;
import java.util.List;

/**
 * The tax authority's fiscalization service (spec chapter 3). The real one speaks SOAP
 * ({@link SoapFiscalGateway}); the tests run the same client against a double of the service.
 */
public interface FiscalGateway {

    /** RegisterTCR: answers the TCR code. */
    String registerTcr(TcrRegistration request);

    /** RegisterCashDeposit: answers the FCDC. */
    String registerCashDeposit(CashDepositRegistration request);

    /** RegisterInvoice: answers the FIC (NIVF). */
    String registerInvoice(InvoiceRegistration request);

    enum CashOperation { INITIAL, WITHDRAW, DEPOSIT }

    /** Why a message is delivered after the event (spec table 27/44). */
    enum SubseqDelivType { NOINTERNET, BOUNDBOOK, SERVICE, TECHNICALERROR }

    enum PayMethod { BANKNOTE, CARD }

    record TcrRegistration(String nuis, String businUnitCode, String tcrIntId, String softCode, String maintainerCode,
                           LocalDate validFrom) {
    }

    /** {@code subseq} null for a deposit sent as it happens; then {@code changeDateTime} is also the send time. */
    record CashDepositRegistration(String nuis, String tcrCode, CashOperation operation, long amount, String changeDateTime,
                                   SubseqDelivType subseq) {
    }

    record Seller(String nuis, String name, String address, String town) {
    }

    /** One line; amounts in qindarka, {@code vatRate} in hundredths of a percent (2000 = 20.00 %). */
    record Item(String name, String code, long priceWithVat, long priceWithoutVat, long vat, int vatRate) {
    }

    /**
     * {@code sendDateTime} equals {@code issueDateTime} when sent at issue; a later delivery carries
     * its own send time and a {@code subseq} reason.
     */
    /** A corrective invoice's reference to the invoice it corrects (spec CorrectiveInv, type CORRECTIVE). */
    record Corrects(String iicRef, String issueDateTime) {
    }

    /** {@code corrects} null for a sale; set for a corrective invoice, whose amounts are negative. */
    record InvoiceRegistration(String sendDateTime, SubseqDelivType subseq, String issueDateTime, String invNum, int invOrdNum,
                               String tcrCode, boolean issuerInVat, String operatorCode, String businUnitCode, String softCode,
                               String iic, String iicSignature, PayMethod payMethod, Seller seller, List<Item> items,
                               Corrects corrects) {

        public long totPrice() {
            return items.stream().mapToLong(Item::priceWithVat).sum();
        }

        public long totPriceWithoutVat() {
            return items.stream().mapToLong(Item::priceWithoutVat).sum();
        }

        public long totVat() {
            return items.stream().mapToLong(Item::vat).sum();
        }
    }

    /** The service could not be reached or did not answer in time: deliver later. */
    final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The service answered with a fault (spec 3.9), or with an answer we cannot trust. */
    final class Refused extends RuntimeException {
        static final int UNTRUSTED_SIGNATURE = 997;
        static final int UNTRUSTED_SIGNER = 998;
        private final int code;

        public Refused(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** 9xx are the authority's own trouble (spec 3.9.2): worth sending again later. */
        public boolean serverSide() {
            return code >= 900 && !untrusted();
        }

        /**
         * 997 / 998: our check of the answer failed (signature, signer). The receipt may well be registered, so it
         * is not sent again by itself.
         */
        public boolean untrusted() {
            return code == UNTRUSTED_SIGNATURE || code == UNTRUSTED_SIGNER;
        }
    }
}
