package al.sportel.server.fiscal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import al.sportel.server.fiscal.FiscalGateway.CashDepositRegistration;
import al.sportel.server.fiscal.FiscalGateway.CashOperation;
import al.sportel.server.fiscal.FiscalGateway.InvoiceRegistration;
import al.sportel.server.fiscal.FiscalGateway.Item;
import al.sportel.server.fiscal.FiscalGateway.PayMethod;
import al.sportel.server.fiscal.FiscalGateway.Seller;
import al.sportel.server.fiscal.FiscalGateway.TcrRegistration;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SOAP client against the double: what the double refuses, the real service would refuse too. */
class SoapFiscalGatewayTest {

    private static final String NUIS = "L91806031N";
    private static FiscalAuthorityDouble authority;
    private static TaxpayerKey key;
    private static SoapFiscalGateway gateway;

    @BeforeAll
    static void start() {
        authority = FiscalAuthorityDouble.start(Clock.systemUTC());
        key = TaxpayerKey.load(FiscalAuthorityDouble.resource("taxpayer.p12"), FiscalAuthorityDouble.resource("taxpayer.password"));
        gateway = new SoapFiscalGateway(authority.endpoint(), key, Duration.ofSeconds(2), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        authority.close();
    }

    @Test
    void registersTcrDepositAndInvoiceWithSignedMessages() {
        String today = FiscalFormats.dateTime(Clock.systemUTC().instant());
        String tcr = gateway.registerTcr(new TcrRegistration(NUIS, "bb123bb123", "TR01-1", "ss123ss123", "mm123mm123",
                LocalDate.now(FiscalFormats.ZONE)));
        assertThat(FiscalFormats.isCode(tcr)).isTrue();

        String fcdc = gateway.registerCashDeposit(new CashDepositRegistration(NUIS, tcr, CashOperation.INITIAL, 500_00, today, null));
        assertThat(fcdc).matches("[0-9a-f-]{36}");
        assertThatThrownBy(() -> gateway.registerCashDeposit(new CashDepositRegistration(NUIS, tcr, CashOperation.INITIAL, 0,
                FiscalFormats.dateTime(Clock.systemUTC().instant()), null)))
                .isInstanceOfSatisfying(FiscalGateway.Refused.class, r -> assertThat(r.code()).isEqualTo(56));

        String invNum = "1/" + LocalDate.now(FiscalFormats.ZONE).getYear() + "/" + tcr;
        Iic iic = Iic.compute(Iic.input(NUIS, today, invNum, "bb123bb123", tcr, "ss123ss123", "120.00"), key.privateKey());
        InvoiceRegistration invoice = new InvoiceRegistration(today, null, today, invNum, 1, tcr, true, "oo123oo123",
                "bb123bb123", "ss123ss123", iic.code(), iic.signature(), PayMethod.BANKNOTE,
                new Seller(NUIS, "OSHEE sh.a.", "Rruga Demo 1", "Tiranë"), List.of(new Item("Pagesë fature 2026-10", "B1", 120_00, 100_00, 20_00, 2000)));
        String fic = gateway.registerInvoice(invoice);

        assertThat(fic).matches("[0-9a-f-]{36}");
        assertThat(authority.received()).extracting(FiscalAuthorityDouble.Received::iic).contains(iic.code());
    }

    @Test
    void aWrongIicIsRefusedAndADownServiceIsUnreachable() {
        String now = FiscalFormats.dateTime(Clock.systemUTC().instant());
        String tcr = gateway.registerTcr(new TcrRegistration(NUIS, "bb123bb123", "TR01-2", "ss123ss123", "mm123mm123",
                LocalDate.now(FiscalFormats.ZONE)));
        String invNum = "2/" + LocalDate.now(FiscalFormats.ZONE).getYear() + "/" + tcr;
        Iic other = Iic.compute("something else", key.privateKey());
        InvoiceRegistration forged = new InvoiceRegistration(now, null, now, invNum, 2, tcr, true, "oo123oo123",
                "bb123bb123", "ss123ss123", other.code(), other.signature(), PayMethod.CARD,
                new Seller(NUIS, "OSHEE sh.a.", "Rruga Demo 1", "Tiranë"), List.of(new Item("Tarifë", null, 50_00, 41_67, 8_33, 2000)));
        assertThatThrownBy(() -> gateway.registerInvoice(forged)).isInstanceOf(FiscalGateway.Refused.class).hasMessageContaining("IIC");

        authority.down();
        try {
            assertThatThrownBy(() -> gateway.registerTcr(new TcrRegistration(NUIS, "bb123bb123", "TR01-3", "ss123ss123",
                    "mm123mm123", LocalDate.now(FiscalFormats.ZONE)))).isInstanceOf(FiscalGateway.Unreachable.class);
        } finally {
            authority.up();
        }
    }

    @Test
    void aSlowServiceTimesOutAndAFaultCarriesItsCode() {
        TcrRegistration tcr = new TcrRegistration(NUIS, "bb123bb123", "TR01-4", "ss123ss123", "mm123mm123", LocalDate.now(FiscalFormats.ZONE));
        SoapFiscalGateway impatient = new SoapFiscalGateway(authority.endpoint(), key, Duration.ofMillis(300), Clock.systemUTC());
        authority.slow(Duration.ofMillis(900));
        try {
            assertThatThrownBy(() -> impatient.registerTcr(tcr)).isInstanceOf(FiscalGateway.Unreachable.class);
        } finally {
            authority.slow(Duration.ZERO);
        }
        authority.fault(999);
        try {
            assertThatThrownBy(() -> gateway.registerTcr(tcr)).isInstanceOfSatisfying(FiscalGateway.Refused.class,
                    r -> assertThat(r.serverSide()).isTrue());
        } finally {
            authority.fault(null);
        }
    }
}
