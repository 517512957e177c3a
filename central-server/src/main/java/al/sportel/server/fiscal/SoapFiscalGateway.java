package al.sportel.server.fiscal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP client: signs each request with the taxpayer's key, posts it, and believes an answer only
 * when its signature holds and its certificate names the service ("GDT eFiskalizimi", spec 5.3.2).
 */
public final class SoapFiscalGateway implements FiscalGateway {

    static final String AUTHORITY_NAME = "CN=GDT eFiskalizimi";

    private final URI endpoint;
    private final TaxpayerKey key;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public SoapFiscalGateway(URI endpoint, TaxpayerKey key, Duration timeout, Clock clock) {
        this.endpoint = endpoint;
        this.key = key;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String registerTcr(TcrRegistration request) {
        Element answer = call("RegisterTCR", FiscalRequests.registerTcr(request, FiscalFormats.dateTime(clock.instant())));
        return FiscalXml.text(answer, "TCRCode");
    }

    @Override
    public String registerCashDeposit(CashDepositRegistration request) {
        String send = request.subseq() == null ? request.changeDateTime() : FiscalFormats.dateTime(clock.instant());
        return FiscalXml.text(call("RegisterCashDeposit", FiscalRequests.registerCashDeposit(request, send)), "FCDC");
    }

    @Override
    public String registerInvoice(InvoiceRegistration request) {
        return FiscalXml.text(call("RegisterInvoice", FiscalRequests.registerInvoice(request)), "FIC");
    }

    private Element call(String operation, Element message) {
        XmlSignatures.sign(message, key.privateKey(), key.certificate());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", FiscalXml.ACTION_BASE + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(FiscalXml.write(message.getOwnerDocument())))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Unreachable("no answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new Unreachable("could not reach " + endpoint.getHost() + ": " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        }
        Element answer;
        try {
            Document doc = FiscalXml.parse(response.body());
            answer = FiscalXml.bodyMessage(doc);
        } catch (IllegalArgumentException e) {
            // a proxy's HTML error page or a cut connection: the service did not really answer
            throw new Unreachable("HTTP " + response.statusCode() + " without a SOAP answer", e);
        }
        if ("Fault".equals(answer.getLocalName())) {
            String code = FiscalXml.text(answer, "code");
            int c = code != null && code.matches("\\d{1,3}") ? Integer.parseInt(code) : 999;
            throw new Refused(c, String.valueOf(FiscalXml.text(answer, "faultstring")));
        }
        try {
            X509Certificate signer = XmlSignatures.verify(answer);
            if (!signer.getSubjectX500Principal().getName().contains(AUTHORITY_NAME)) {
                throw new Refused(Refused.UNTRUSTED_SIGNER, "the answer is signed by " + signer.getSubjectX500Principal().getName() + ", not the service");
            }
        } catch (XmlSignatures.BadSignature e) {
            throw new Refused(Refused.UNTRUSTED_SIGNATURE, "the answer's signature does not hold: " + e.getMessage());
        }
        return answer;
    }
}
