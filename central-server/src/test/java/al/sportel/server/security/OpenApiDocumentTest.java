package al.sportel.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import al.sportel.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published API description is the server: every route a client can call is in it, every path in it is served,
 * and it parses to a valid document (an unquoted comma in a flow-style description used to make a stray key).
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static TestServer server;
    private static JsonNode spec;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Set<String> served() {
        Set<String> routes = new TreeSet<>();
        for (String r : server.server().routes()) {
            String[] mp = r.split(" ", 2);
            if (METHODS.contains(mp[0]) && mp[1].startsWith("/api/")) {
                routes.add(mp[0] + " " + anyParam(mp[1]));
            }
        }
        return routes;
    }

    /** A path parameter's name is the code's business: {code} and {trackingCode} are the same route. */
    private static String anyParam(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static Set<String> documented() {
        Set<String> routes = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m.toUpperCase(Locale.ROOT))) {
                routes.add(m.toUpperCase(Locale.ROOT) + " " + anyParam(p.getKey()));
            }
        }));
        return routes;
    }

    @Test
    void everyApiRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        Set<String> served = served();
        Set<String> documented = documented();
        assertThat(served).as("the server registers its routes").hasSizeGreaterThan(100);
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        assertThat(undocumented).as("routes missing from openapi.yaml").isEmpty();
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeIf(r -> !r.split(" ", 2)[1].startsWith("/api/"));
        unserved.removeAll(served);
        assertThat(unserved).as("documented routes the server does not have").isEmpty();
    }

    @Test
    void theDocumentHasNoStrayKeysWithoutValues() {
        List<String> nulls = new ArrayList<>();
        walk(spec, "", nulls);
        assertThat(nulls).as("keys with no value (an unquoted comma in a flow-style description)").isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> nulls) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(path + "/" + f.getKey());
                }
                walk(f.getValue(), path + "/" + f.getKey(), nulls);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, nulls);
            }
        }
    }
}
