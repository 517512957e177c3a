package al.sportel.server.fiscal;

import al.sportel.server.fiscal.FiscalGateway.CashDepositRegistration;
import al.sportel.server.fiscal.FiscalGateway.InvoiceRegistration;
import al.sportel.server.fiscal.FiscalGateway.Item;
import al.sportel.server.fiscal.FiscalGateway.TcrRegistration;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.w3c.dom.Element;

/** The request messages of spec 3.5.1, 3.6.1 and 3.7.1, unsigned, each in its SOAP envelope. */
final class FiscalRequests {

    private FiscalRequests() {
    }

    static Element registerTcr(TcrRegistration r, String sendDateTime) {
        Element m = FiscalXml.newMessage("RegisterTCRRequest", "Request");
        header(m, sendDateTime, null);
        Element tcr = FiscalXml.child(m, "TCR");
        tcr.setAttribute("IssuerNUIS", r.nuis());
        tcr.setAttribute("BusinUnitCode", r.businUnitCode());
        tcr.setAttribute("TCRIntID", r.tcrIntId());
        tcr.setAttribute("SoftCode", r.softCode());
        tcr.setAttribute("MaintainerCode", r.maintainerCode());
        tcr.setAttribute("ValidFrom", r.validFrom().toString());
        tcr.setAttribute("Type", "REGULAR");
        return m;
    }

    static Element registerCashDeposit(CashDepositRegistration r, String sendDateTime) {
        Element m = FiscalXml.newMessage("RegisterCashDepositRequest", "Request");
        header(m, sendDateTime, r.subseq() == null ? null : r.subseq().name());
        Element d = FiscalXml.child(m, "CashDeposit");
        d.setAttribute("ChangeDateTime", r.changeDateTime());
        d.setAttribute("Operation", r.operation().name());
        d.setAttribute("CashAmt", FiscalFormats.amount(r.amount()));
        d.setAttribute("TCRCode", r.tcrCode());
        d.setAttribute("IssuerNUIS", r.nuis());
        return m;
    }

    static Element registerInvoice(InvoiceRegistration r) {
        Element m = FiscalXml.newMessage("RegisterInvoiceRequest", "Request");
        header(m, r.sendDateTime(), r.subseq() == null ? null : r.subseq().name());
        Element inv = FiscalXml.child(m, "Invoice");
        inv.setAttribute("TypeOfInv", "CASH");
        inv.setAttribute("IsSimplifiedInv", "false");
        inv.setAttribute("IssueDateTime", r.issueDateTime());
        inv.setAttribute("InvNum", r.invNum());
        inv.setAttribute("InvOrdNum", Integer.toString(r.invOrdNum()));
        inv.setAttribute("TCRCode", r.tcrCode());
        inv.setAttribute("IsIssuerInVAT", Boolean.toString(r.issuerInVat()));
        inv.setAttribute("TotPriceWoVAT", FiscalFormats.amount(r.totPriceWithoutVat()));
        if (r.issuerInVat()) {
            inv.setAttribute("TotVATAmt", FiscalFormats.amount(r.totVat()));
        }
        inv.setAttribute("TotPrice", FiscalFormats.amount(r.totPrice()));
        inv.setAttribute("OperatorCode", r.operatorCode());
        inv.setAttribute("BusinUnitCode", r.businUnitCode());
        inv.setAttribute("SoftCode", r.softCode());
        inv.setAttribute("IIC", r.iic());
        inv.setAttribute("IICSignature", r.iicSignature());
        inv.setAttribute("IsReverseCharge", "false");
        Element pay = FiscalXml.child(FiscalXml.child(inv, "PayMethods"), "PayMethod");
        pay.setAttribute("Type", r.payMethod().name());
        pay.setAttribute("Amt", FiscalFormats.amount(r.totPrice()));
        Element seller = FiscalXml.child(inv, "Seller");
        seller.setAttribute("IDType", "NUIS");
        seller.setAttribute("IDNum", r.seller().nuis());
        seller.setAttribute("Name", r.seller().name());
        seller.setAttribute("Address", r.seller().address());
        seller.setAttribute("Town", r.seller().town());
        seller.setAttribute("Country", "ALB");
        Element items = FiscalXml.child(inv, "Items");
        Map<Integer, long[]> byRate = new TreeMap<>();
        for (Item it : r.items()) {
            Element i = FiscalXml.child(items, "I");
            i.setAttribute("N", it.name());
            if (it.code() != null) {
                i.setAttribute("C", it.code());
            }
            i.setAttribute("U", "copë");
            i.setAttribute("Q", "1.0");
            i.setAttribute("UPB", FiscalFormats.amount(it.priceWithoutVat()));
            i.setAttribute("UPA", FiscalFormats.amount(it.priceWithVat()));
            i.setAttribute("PB", FiscalFormats.amount(it.priceWithoutVat()));
            if (r.issuerInVat()) {
                i.setAttribute("VR", rate(it.vatRate()));
                i.setAttribute("VA", FiscalFormats.amount(it.vat()));
            }
            i.setAttribute("PA", FiscalFormats.amount(it.priceWithVat()));
            long[] sums = byRate.computeIfAbsent(it.vatRate(), k -> new long[3]);
            sums[0]++;
            sums[1] += it.priceWithoutVat();
            sums[2] += it.vat();
        }
        if (r.issuerInVat()) {
            Element same = FiscalXml.child(inv, "SameTaxes");
            byRate.forEach((rate, sums) -> {
                Element t = FiscalXml.child(same, "SameTax");
                t.setAttribute("NumOfItems", Long.toString(sums[0]));
                t.setAttribute("PriceBefVAT", FiscalFormats.amount(sums[1]));
                t.setAttribute("VATRate", rate(rate));
                t.setAttribute("VATAmt", FiscalFormats.amount(sums[2]));
            });
        }
        return m;
    }

    private static void header(Element message, String sendDateTime, String subseq) {
        Element h = FiscalXml.child(message, "Header");
        h.setAttribute("UUID", UUID.randomUUID().toString());
        h.setAttribute("SendDateTime", sendDateTime);
        if (subseq != null) {
            h.setAttribute("SubseqDelivType", subseq);
        }
    }

    private static String rate(int hundredthsOfPercent) {
        return BigDecimal.valueOf(hundredthsOfPercent, 2).toPlainString();
    }
}
