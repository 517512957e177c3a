package al.sportel.server.ops;

/**
 * The management port cannot be bound. The message names that address and the settings that change it: an
 * operator told about the main port (--port) would look for the clash in the wrong place.
 */
public final class ManagementPortException extends RuntimeException {

    ManagementPortException(String host, int port, Throwable cause) {
        super(message(host, port), cause);
    }

    /** One line for the operator, also used by the check made before the database is opened. */
    public static String message(String host, int port) {
        return "cannot listen on the management port " + host + ":" + port + " (address in use or not available); choose another with"
                + " SPORTEL_MANAGEMENT_PORT or --management-port (its address: SPORTEL_MANAGEMENT_HOST)";
    }
}
