package al.sportel.desktop.billing;

import al.sportel.desktop.app.Settings;
import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where this workstation's receipts go, remembered in its settings: a printer the operating system
 * knows (by name, or the default when no name is given), an ESC/POS thermal printer without a driver
 * reached by its device path or by host:port on the network, or no printer at all (save as PDF).
 */
public record PrinterChoice(Kind kind, String target) {

    public enum Kind { SYSTEM, ESCPOS_DEVICE, ESCPOS_NETWORK, PDF_FILE }

    static final String KIND_KEY = "printer.kind";
    static final String TARGET_KEY = "printer.target";
    /** The port thermal printers listen on for raw jobs (JetDirect). */
    static final int RAW_PORT = 9100;
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+)(?::(\\d{1,5}))?");

    public PrinterChoice {
        target = target == null ? "" : target.strip();
    }

    /** The system's default printer: what a workstation used before anyone chose. */
    public static PrinterChoice systemDefault() {
        return new PrinterChoice(Kind.SYSTEM, "");
    }

    public static PrinterChoice from(Settings settings) {
        try {
            return new PrinterChoice(Kind.valueOf(settings.get(KIND_KEY, Kind.SYSTEM.name())), settings.get(TARGET_KEY, ""));
        } catch (IllegalArgumentException e) {
            // a settings file from another version, or edited by hand: the default still prints
            return systemDefault();
        }
    }

    public void saveTo(Settings settings) {
        settings.put(KIND_KEY, kind.name());
        settings.put(TARGET_KEY, target);
    }

    public boolean escPos() {
        return kind == Kind.ESCPOS_DEVICE || kind == Kind.ESCPOS_NETWORK;
    }

    /** The bundle key of what is wrong with this choice, or null when it can be used. */
    public String problem() {
        return switch (kind) {
            case SYSTEM, PDF_FILE -> null;
            case ESCPOS_DEVICE -> target.isEmpty() ? "printer.error.device" : null;
            case ESCPOS_NETWORK -> networkProblem();
        };
    }

    /** host:port of a network printer; the port defaults to 9100. */
    public InetSocketAddress address() {
        int colon = target.lastIndexOf(':');
        if (colon < 0) {
            return InetSocketAddress.createUnresolved(target, RAW_PORT);
        }
        return InetSocketAddress.createUnresolved(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    }

    private String networkProblem() {
        Matcher m = HOST_PORT.matcher(target);
        if (!m.matches()) {
            return "printer.error.address";
        }
        int port = m.group(2) == null ? RAW_PORT : Integer.parseInt(m.group(2));
        return port < 1 || port > 65535 ? "printer.error.address" : null;
    }
}
