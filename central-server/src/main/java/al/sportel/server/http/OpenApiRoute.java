package al.sportel.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;

/** Publishes the API description (written by hand in openapi.yaml, next to the code it describes). */
public final class OpenApiRoute {

    private final String json;

    public OpenApiRoute(ObjectMapper mapper) {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream("/openapi.yaml")) {
            JsonNode spec = new YAMLMapper().readTree(in);
            this.json = mapper.writeValueAsString(spec);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.yaml is missing from the jar", e);
        }
    }

    public void register(Javalin app) {
        app.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(json));
    }
}
