package al.sportel.slip;

import al.sportel.model.Formats;
import al.sportel.slip.SlipLine.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * What an 80 mm slip says, apart from how it is put on paper: its lines, then an optional QR code
 * with the address it carries and a caption under it, then an optional footer. {@link SlipPdf} and
 * {@link SlipEscPos} draw the same slip, so a receipt looks alike from a laser printer and from a
 * thermal printer. It is also a wire message: the server sends it as JSON to a desktop that prints
 * on a thermal printer itself.
 */
public record Slip(List<SlipLine> lines, String qrUrl, String qrCaption, String footer) {

    /** {@code qrCaption}, printed under the QR code, is its address unless told otherwise. */
    public Slip {
        lines = List.copyOf(lines);
        qrCaption = qrCaption == null ? qrUrl : qrCaption;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects lines in order; every method returns the builder so a slip reads top to bottom. */
    public static final class Builder {

        private final List<SlipLine> lines = new ArrayList<>();

        private Builder() {
        }

        /** A centred bold line: the company, the slip's name. */
        public Builder title(String text) {
            return add(Kind.TITLE, text, "");
        }

        public Builder center(String text) {
            return add(Kind.CENTER, text, "");
        }

        public Builder row(String label, String value) {
            return add(Kind.ROW, label, value);
        }

        public Builder boldRow(String label, String value) {
            return add(Kind.BOLD_ROW, label, value);
        }

        /** A row whose value is an amount in qindarka, written as people read it ("16 263,19 L"). */
        public Builder amount(String label, long qindarka) {
            return row(label, Formats.money(qindarka));
        }

        /** Long text broken into lines that fit the roll. */
        public Builder paragraph(String text) {
            return add(Kind.PARAGRAPH, text, "");
        }

        public Builder rule() {
            return add(Kind.RULE, "", "");
        }

        /** The slip ending with a QR code to {@code qrUrl} (printed below it too) and a footer line. */
        public Slip build(String qrUrl, String footer) {
            return new Slip(lines, qrUrl, qrUrl, footer);
        }

        /** With a caption under the QR code other than its address (a long address does not fit the roll). */
        public Slip build(String qrUrl, String qrCaption, String footer) {
            return new Slip(lines, qrUrl, qrCaption, footer);
        }

        /** A slip without a QR code or footer (an offline receipt has no page to point at yet). */
        public Slip build() {
            return new Slip(lines, null, null, null);
        }

        private Builder add(Kind kind, String left, String right) {
            lines.add(new SlipLine(kind, left, right));
            return this;
        }
    }
}
