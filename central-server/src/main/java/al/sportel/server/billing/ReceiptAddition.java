package al.sportel.server.billing;

import java.util.List;

/**
 * What another feature adds to a printed receipt (fiscalization: the law's lines and QR code). {@code header}
 * rows go under the title, {@code footer} rows after the totals; {@code qrUrl} replaces our verification QR;
 * {@code copy} marks a reprint.
 */
public record ReceiptAddition(List<Row> header, List<Row> footer, String qrUrl, String qrCaption, boolean copy) {

    public record Row(String left, String right) {
    }
}
