package al.sportel.desktop.api;

/**
 * The server refused a request (a problem+json answer) or could not be reached ({@code status == 0}).
 * {@code detail} is the server's human explanation, shown to the clerk as is.
 */
public class ApiException extends Exception {

    private final int status;
    private final String type;
    private final long retryAfterSeconds;

    public ApiException(int status, String type, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException unreachable(Throwable cause) {
        ApiException e = new ApiException(0, "unreachable", cause.getMessage(), 0);
        e.initCause(cause);
        return e;
    }

    public boolean unreachable() {
        return status == 0;
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type, e.g. {@code bad-credentials}. */
    public String type() {
        return type;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
