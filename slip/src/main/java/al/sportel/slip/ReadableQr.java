package al.sportel.slip;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A QR code that a common scanner is known to read. The encoder picks the mask with the lowest
 * penalty score, but about one code in fifty (a fiscal check URL with a random IIC) then holds a
 * pattern that ZXing-based phone scanners take for a finder and refuse: each candidate is decoded
 * once here, and the first that reads back is the one printed.
 */
public final class ReadableQr {

    /**
     * Pixels per module the self-check reads at: the detector's luck changes with the scale (one
     * code read at 150 and 220 dpi and not at 180), and a phone sees the code at any of them.
     */
    private static final int[] SCALES = {3, 4, 5, 6, 7};
    private static final int MASKS = 8;

    private ReadableQr() {
    }

    public static BitMatrix encode(String text, ErrorCorrectionLevel level, int margin) {
        BitMatrix first = null;
        for (int mask = -1; mask < MASKS; mask++) {
            BitMatrix m = encode(text, level, margin, mask);
            if (first == null) {
                first = m;
            }
            if (readsAtEveryScale(text, m)) {
                return m;
            }
        }
        return first;
    }

    private static BitMatrix encode(String text, ErrorCorrectionLevel level, int margin, int mask) {
        Map<EncodeHintType, Object> hints = new HashMap<>();
        hints.put(EncodeHintType.MARGIN, margin);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        if (mask >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds this text", e);
        }
    }

    private static boolean readsAtEveryScale(String text, BitMatrix m) {
        for (int scale : SCALES) {
            if (!text.equals(decode(m, scale))) {
                return false;
            }
        }
        return true;
    }

    static String decode(BitMatrix m, int scale) {
        // a white border of four modules whatever the code's own margin: scanners see the paper around it
        int border = 4 * scale;
        int width = m.getWidth() * scale + 2 * border;
        int height = m.getHeight() * scale + 2 * border;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    for (int dy = 0; dy < scale; dy++) {
                        int row = (border + y * scale + dy) * width + border + x * scale;
                        Arrays.fill(pixels, row, row + scale, 0xFF000000);
                    }
                }
            }
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)))).getText();
        } catch (ReaderException e) {
            return null;
        }
    }
}
