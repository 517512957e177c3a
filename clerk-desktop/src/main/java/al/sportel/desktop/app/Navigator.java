package al.sportel.desktop.app;

import al.sportel.desktop.api.ApiClient;
import al.sportel.model.UserInfo;

/**
 * Switches the window between its screens. Implemented by the application class, so feature
 * packages can move on without knowing each other's controllers.
 */
public interface Navigator {

    /** The login screen, with {@code username} already typed (or empty when null). */
    void showLogin(String username);

    /** The login screen, saying that the server ended the session (logged out elsewhere, disabled, moved). */
    void showLoginAfterSessionEnded(String username);

    /** The counter screen of a signed-in clerk. */
    void showCounter(Session session);

    /** The supervisor's console (SUPERVISOR, or ADMIN for any branch). */
    void showSupervisor(ApiClient api, UserInfo user);

    /** Switches language and reloads the login screen, keeping the typed username. */
    void changeLanguage(String lang, String username);
}
