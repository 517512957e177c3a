package al.sportel.server.fiscal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A stand-in for the tax authority's fiscalization service (spec chapter 3), speaking the real SOAP over
 * real HTTP. It checks what the authority checks in real time — the XSD, the enveloped signature and that
 * the certificate names the issuer, the IIC against its signature, the date controls and SubseqDelivType,
 * one INITIAL deposit per day — and answers a signed TCR code, FCDC or FIC, or a fault. It can be told to
 * be slow, down, or to fault. {@code main} runs it for the demo.
 */
public final class FiscalAuthorityDouble implements AutoCloseable {

    /** What the double accepted, for the tests to look at. */
    public record Received(String operation, String subseqDelivType, String issueDateTime, String sendDateTime,
                           String iic, String answer) {
    }

    private static final Schema SCHEMA = loadSchema();

    private final Clock clock;
    private final TaxpayerKey authorityKey;
    private final boolean iicUsesFullInvNum;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> tcrs = new HashMap<>();
    private final Set<String> initialDeposits = new HashSet<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile Integer faultCode;
    private HttpServer server;
    private int port;

    private FiscalAuthorityDouble(Clock clock, boolean iicUsesFullInvNum) {
        this.clock = clock;
        this.iicUsesFullInvNum = iicUsesFullInvNum;
        this.authorityKey = TaxpayerKey.load(resource("cis-double.p12"), resource("taxpayer.password"));
    }

    public static FiscalAuthorityDouble start(Clock clock) {
        FiscalAuthorityDouble d = new FiscalAuthorityDouble(clock, true);
        d.listen(0);
        return d;
    }

    public static void main(String[] args) {
        FiscalAuthorityDouble d = new FiscalAuthorityDouble(Clock.systemUTC(), true);
        d.listen(args.length > 0 ? Integer.parseInt(args[0]) : 8099);
        System.out.println("Fiscalization service double listening on " + d.endpoint());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port + "/FiscalizationService-v3");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void slow(Duration d) {
        delay = d;
    }

    public void fault(Integer code) {
        faultCode = code;
    }

    /** Stops listening: clients see a refused connection, as when the line is down. */
    public synchronized void down() {
        server.stop(0);
    }

    public synchronized void up() {
        listen(port);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }

    private synchronized void listen(int p) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/FiscalizationService-v3", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fiscal-double");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        port = server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            sleep(delay);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String requestUuid = null;
            try {
                if (body.length > 150 * 1024) {
                    throw new Fault(1, "Received XML message exceed allowed size.");
                }
                Document doc;
                Element message;
                try {
                    doc = FiscalXml.parse(body);
                    message = FiscalXml.bodyMessage(doc);
                } catch (IllegalArgumentException e) {
                    throw new Fault(0, "XML format is not valid");
                }
                Element header = FiscalXml.find(message, "Header");
                requestUuid = header == null ? null : header.getAttribute("UUID");
                if (faultCode != null) {
                    throw new Fault(faultCode, "Told to fault");
                }
                try {
                    SCHEMA.newValidator().validate(new DOMSource(message));
                } catch (SAXException e) {
                    throw new Fault(11, "Received XML message failed XSD validation: " + e.getMessage());
                }
                X509Certificate signer;
                try {
                    signer = XmlSignatures.verify(message);
                } catch (XmlSignatures.BadSignature e) {
                    throw new Fault(e.code(), e.getMessage());
                }
                checkClientTime(header);
                String answer = switch (message.getLocalName()) {
                    case "RegisterTCRRequest" -> registerTcr(message, signer);
                    case "RegisterCashDepositRequest" -> registerCashDeposit(message, header, signer);
                    case "RegisterInvoiceRequest" -> registerInvoice(message, header, signer);
                    default -> throw new Fault(11, "Unknown message " + message.getLocalName());
                };
                respond(ex, 200, answer);
            } catch (Fault f) {
                respond(ex, 500, fault(f, requestUuid));
            }
        }
    }

    private String registerTcr(Element message, X509Certificate signer) {
        Element tcr = FiscalXml.find(message, "TCR");
        checkIssuer(signer, tcr.getAttribute("IssuerNUIS"));
        if (LocalDate.parse(tcr.getAttribute("ValidFrom")).isBefore(today())) {
            throw new Fault(45, "ValidFrom cannot be in the past.");
        }
        String key = tcr.getAttribute("IssuerNUIS") + "/" + tcr.getAttribute("BusinUnitCode") + "/" + tcr.getAttribute("TCRIntID");
        String code;
        synchronized (tcrs) {
            code = tcrs.computeIfAbsent(key, k -> newCode());
        }
        record("RegisterTCR", message, null, null, code);
        return signedAnswer(message, "RegisterTCRResponse", "TCRCode", code);
    }

    private String registerCashDeposit(Element message, Element header, X509Certificate signer) {
        Element d = FiscalXml.find(message, "CashDeposit");
        checkIssuer(signer, d.getAttribute("IssuerNUIS"));
        checkTcr(d.getAttribute("TCRCode"));
        String op = d.getAttribute("Operation");
        if (!"INITIAL".equals(op) && "0.00".equals(d.getAttribute("CashAmt"))) {
            throw new Fault(51, "Cash amount cannot be zero for WITHDRAW or DEPOSIT operation.");
        }
        checkDates(d.getAttribute("ChangeDateTime"), header);
        if ("INITIAL".equals(op)) {
            LocalDate day = ZonedDateTime.parse(d.getAttribute("ChangeDateTime")).toLocalDate();
            synchronized (initialDeposits) {
                if (!initialDeposits.add(d.getAttribute("TCRCode") + "/" + day)) {
                    throw new Fault(56, "Cash deposit with operation INITIAL already registered for a current day.");
                }
            }
        }
        String fcdc = UUID.randomUUID().toString();
        record("RegisterCashDeposit", message, d.getAttribute("ChangeDateTime"), null, fcdc);
        return signedAnswer(message, "RegisterCashDepositResponse", "FCDC", fcdc);
    }

    private String registerInvoice(Element message, Element header, X509Certificate signer) {
        Element inv = FiscalXml.find(message, "Invoice");
        Element seller = FiscalXml.find(inv, "Seller");
        String nuis = seller.getAttribute("IDNum");
        checkIssuer(signer, nuis);
        String tcr = inv.getAttribute("TCRCode");
        checkTcr(tcr);
        String issue = inv.getAttribute("IssueDateTime");
        String invNum = inv.getAttribute("InvNum");
        String year = Integer.toString(ZonedDateTime.parse(issue).getYear());
        if (!invNum.equals(inv.getAttribute("InvOrdNum") + "/" + year + "/" + tcr)) {
            throw new Fault(60, "Invoice number is not ordinal/year/TCR code.");
        }
        checkDates(issue, header);
        String iicInput = Iic.input(nuis, issue, iicUsesFullInvNum ? invNum : inv.getAttribute("InvOrdNum"),
                inv.getAttribute("BusinUnitCode"), tcr, inv.getAttribute("SoftCode"), inv.getAttribute("TotPrice"));
        if (!Iic.matches(iicInput, inv.getAttribute("IIC"), inv.getAttribute("IICSignature"), signer.getPublicKey())) {
            throw new Fault(11, "IIC does not match the IIC signature of the invoice's fields.");
        }
        Element pay = FiscalXml.find(inv, "PayMethod");
        if (!pay.getAttribute("Amt").equals(inv.getAttribute("TotPrice"))) {
            throw new Fault(11, "Sum of the pay methods is not the total price.");
        }
        String fic = UUID.randomUUID().toString();
        record("RegisterInvoice", message, issue, inv.getAttribute("IIC"), fic);
        return signedAnswer(message, "RegisterInvoiceResponse", "FIC", fic);
    }

    /** Spec 3.6.3 and 3.7.3 "Issue datetime invalid" / "ChangeDateTime invalid". */
    private void checkDates(String eventTime, Element header) {
        Instant event = instant(eventTime);
        Instant now = clock.instant();
        String subseq = header.hasAttribute("SubseqDelivType") ? header.getAttribute("SubseqDelivType") : null;
        if (event.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw new Fault(11, "Date and time of the event is in the future.");
        }
        if (subseq == null && !eventTime.equals(header.getAttribute("SendDateTime"))) {
            throw new Fault(11, "Date and time of the event differs from SendDateTime without SubseqDelivType.");
        }
        if (("SERVICE".equals(subseq) || "TECHNICALERROR".equals(subseq)) && event.isBefore(now.minus(Duration.ofDays(2)))) {
            throw new Fault(11, "More than 2 days late for SubseqDelivType " + subseq + ".");
        }
        if ("BOUNDBOOK".equals(subseq) && event.isBefore(now.minus(Duration.ofDays(11)))) {
            throw new Fault(11, "More than 11 days late for SubseqDelivType BOUNDBOOK.");
        }
        if ("NOINTERNET".equals(subseq)) {
            ZonedDateTime nowHere = now.atZone(FiscalFormats.ZONE);
            YearMonth eventMonth = YearMonth.from(event.atZone(FiscalFormats.ZONE));
            YearMonth thisMonth = YearMonth.from(nowHere);
            boolean ok = eventMonth.equals(thisMonth) || (eventMonth.equals(thisMonth.minusMonths(1)) && nowHere.getDayOfMonth() <= 10);
            if (!ok) {
                throw new Fault(11, "Too late for SubseqDelivType NOINTERNET.");
            }
        }
    }

    private void checkClientTime(Element header) {
        Instant sent = instant(header.getAttribute("SendDateTime"));
        boolean late = header.hasAttribute("SubseqDelivType");
        // a message sent at the event carries the event's time as SendDateTime; allow a few minutes of drift
        if (!late && Duration.between(sent, clock.instant()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new Fault(2, "Client time differs from a server's time by more than allowed time in minutes");
        }
    }

    private static void checkIssuer(X509Certificate signer, String nuis) {
        if (!signer.getSubjectX500Principal().toString().contains(nuis)) {
            throw new Fault(37, "The NUIS in the message is not the certificate's.");
        }
    }

    private void checkTcr(String code) {
        synchronized (tcrs) {
            if (!tcrs.containsValue(code)) {
                throw new Fault(53, "TCR code doesn't reference registered or active TCR.");
            }
        }
    }

    private void record(String op, Element message, String eventTime, String iic, String answer) {
        Element header = FiscalXml.find(message, "Header");
        received.add(new Received(op, header.hasAttribute("SubseqDelivType") ? header.getAttribute("SubseqDelivType") : null,
                eventTime, header.getAttribute("SendDateTime"), iic, answer));
    }

    private String signedAnswer(Element request, String name, String field, String value) {
        Element m = FiscalXml.newMessage(name, "Response");
        Element h = FiscalXml.child(m, "Header");
        h.setAttribute("UUID", UUID.randomUUID().toString());
        h.setAttribute("RequestUUID", FiscalXml.find(request, "Header").getAttribute("UUID"));
        h.setAttribute("SendDateTime", FiscalFormats.dateTime(clock.instant()));
        FiscalXml.child(m, field).setTextContent(value);
        XmlSignatures.sign(m, authorityKey.privateKey(), authorityKey.certificate());
        return new String(FiscalXml.write(m.getOwnerDocument()), StandardCharsets.UTF_8);
    }

    private static String fault(Fault f, String requestUuid) {
        String origin = f.code >= 900 ? "Server" : "Client";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header/><SOAP-ENV:Body>
                <SOAP-ENV:Fault><faultcode>SOAP-ENV:%s</faultcode><faultstring xml:lang="en">%s</faultstring>
                <detail><code>%d</code>%s<responseUUID>%s</responseUUID></detail></SOAP-ENV:Fault>
                </SOAP-ENV:Body></SOAP-ENV:Envelope>
                """.formatted(origin, escape(f.getMessage()), f.code,
                requestUuid == null ? "" : "<requestUUID>" + escape(requestUuid) + "</requestUUID>", UUID.randomUUID()).strip();
    }

    private static void respond(HttpExchange ex, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        // no kept-alive connections: a client must see "down" at once after down(), and "up" after up()
        ex.getResponseHeaders().set("Connection", "close");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), FiscalFormats.ZONE);
    }

    private static Instant instant(String text) {
        try {
            return FiscalFormats.parseDateTime(text);
        } catch (DateTimeParseException e) {
            throw new Fault(11, "Bad date and time " + text);
        }
    }

    private static String newCode() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        Random r = new Random();
        StringBuilder s = new StringBuilder();
        for (int part = 0; part < 2; part++) {
            s.append(letters.charAt(r.nextInt(26))).append(letters.charAt(r.nextInt(26))).append(100 + r.nextInt(900));
        }
        return s.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Path resource(String name) {
        try {
            URL url = FiscalAuthorityDouble.class.getResource("/fiscal/" + name);
            return Path.of(url.toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource fiscal/" + name, e);
        }
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            URL xsd = FiscalAuthorityDouble.class.getResource("/fiscal/alimc-fiscalization-service.xsd");
            return f.newSchema(new StreamSource(xsd.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("could not load the authority's schema", e);
        }
    }

    private static final class Fault extends RuntimeException {
        private final int code;

        Fault(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
