package al.sportel.server.auth;

import al.sportel.model.UserInfo;
import al.sportel.server.http.ApiException;
import al.sportel.server.http.ClientAddress;
import al.sportel.server.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;

/** Login, logout, me, and the filter that puts the token's user on every protected request. */
public final class AuthRoutes {

    private static final Set<String> OPEN_PATHS = Set.of("/api/v1/auth/login", "/api/v1/openapi.json");

    private final AuthService auth;
    private final ObjectMapper mapper;
    private final ClientAddress clientAddress;

    public AuthRoutes(AuthService auth, ObjectMapper mapper, ClientAddress clientAddress) {
        this.auth = auth;
        this.mapper = mapper;
        this.clientAddress = clientAddress;
    }

    public void register(Javalin app) {
        app.before("/api/v1/*", this::authenticate);
        // Role, branch, active flag and password live on the user: drop this node's verified tokens.
        app.after("/api/v1/users/*", ctx -> {
            if (!ctx.method().name().equals("GET")) {
                auth.usersChanged();
            }
        });
        app.post("/api/v1/auth/login", ctx -> {
            JsonBody body = JsonBody.of(ctx, mapper);
            String username = body.requiredString("username", 100);
            // an empty or over-long password is a wrong password (401, counted as a failure), not a malformed request
            String password = body.requiredRawString("password");
            body.validate();
            ctx.json(auth.login(username, password.strip(), clientAddress.of(ctx)));
        });
        app.post("/api/v1/auth/logout", ctx -> {
            auth.logout(bearer(ctx));
            ctx.status(204);
        });
        app.get("/api/v1/me", ctx -> ctx.json(Access.user(ctx)));
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        // partners sign their requests instead (channels/ChannelAuth), and so do payment providers' webhooks (onlinepay)
        if (OPEN_PATHS.contains(path) || path.startsWith("/api/v1/public/") || path.startsWith("/api/v1/channels/")
                || path.startsWith("/api/v1/online-payments/")) {
            return;
        }
        String token = bearer(ctx);
        UserInfo user = auth.resolve(token)
                .orElseThrow(() -> ApiException.unauthorized("The token is unknown, expired or logged out"));
        ctx.attribute(Access.USER_ATTRIBUTE, user);
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("Send Authorization: Bearer <token> from /api/v1/auth/login");
        }
        return header.substring(7).trim();
    }
}
