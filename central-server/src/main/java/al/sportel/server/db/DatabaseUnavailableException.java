package al.sportel.server.db;

/** The database cannot be reached or migrated; the message is meant for the operator. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
