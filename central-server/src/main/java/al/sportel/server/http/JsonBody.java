package al.sportel.server.http;

import al.sportel.model.Problem.FieldError;
import al.sportel.model.Money;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body read field by field: malformed JSON is a 400 at once, while every field problem
 * (missing, wrong type, too long) is collected and reported together as one 422 by {@link #validate()}.
 */
public final class JsonBody {

    private final JsonNode root;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody of(Context ctx, ObjectMapper mapper) {
        requireJsonType(ctx);
        return parse(ctx.body(), mapper);
    }

    /** For an endpoint whose body is optional (older clients send none): a blank body reads as {@code {}}. */
    public static JsonBody ofOptional(Context ctx, ObjectMapper mapper) {
        requireJsonType(ctx);
        return parse(ctx.body().isBlank() ? "{}" : ctx.body(), mapper);
    }

    /**
     * A body sent as a form or as plain text is refused (415). Those are the types another site's page may post from a
     * visitor's browser without asking (no CORS preflight, which this server never grants): so a public form's limit per
     * address cannot be multiplied by other people's browsers. No Content-Type at all is read as JSON; curl's -d
     * sends a form type, so scripts add -H 'Content-Type: application/json' (docs/operations.md).
     */
    private static void requireJsonType(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            return;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json, not " + media, null, null);
        }
    }

    /** For a body the caller has already read (a signed partner request, whose bytes the signature covers). */
    public static JsonBody parse(String text, ObjectMapper mapper) {
        if (text.isBlank()) {
            throw ApiException.badRequest("The request needs a JSON object body");
        }
        JsonNode node;
        try {
            // decimals stay exact BigDecimals: money is never a double
            node = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(text);
        } catch (Exception e) {
            throw ApiException.badRequest("The body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object");
        }
        String bad = unstorableField(node, "");
        if (bad != null) {
            throw ApiException.invalid(bad, "must not contain a NUL byte or other control character");
        }
        return new JsonBody(node);
    }

    /** The first field (dotted path) whose name or text no database could store, or null. */
    private static String unstorableField(JsonNode node, String path) {
        if (node.isTextual()) {
            return TextRules.storable(node.textValue()) ? null : path.isEmpty() ? "body" : path;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!TextRules.storable(e.getKey())) {
                    return "body";
                }
                String bad = unstorableField(e.getValue(), p);
                if (bad != null) {
                    return bad;
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                String bad = unstorableField(item, path + "[" + i++ + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** A nested value as it is, for a feature that checks it itself (reporting with {@link #addError}); null if absent. */
    public JsonNode optionalNode(String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n;
    }

    public boolean has(String field) {
        JsonNode n = root.get(field);
        return n != null && !n.isNull();
    }

    public String requiredString(String field, int maxLength) {
        String s = optionalString(field, maxLength);
        if (s == null && errorFor(field) == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return s;
    }

    public String optionalString(String field, int maxLength) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String s = n.textValue().strip();
        if (s.isEmpty()) {
            errors.add(new FieldError(field, "must not be empty"));
            return null;
        }
        if (s.length() > maxLength) {
            errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return s;
    }

    /** The string exactly as sent, empty or long (a password to check, not to store); absent is an error. */
    public String requiredRawString(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return n.textValue();
    }

    public Long requiredId(String field) {
        Long v = optionalId(field);
        if (v == null && errorFor(field) == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return v;
    }

    public Long optionalId(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() <= 0) {
            errors.add(new FieldError(field, "must be a positive whole number"));
            return null;
        }
        return n.longValue();
    }

    /** {@link #requiredInt} when the field is there (not null), else {@code null}. */
    public Integer optionalInt(String field, int min, int max) {
        return has(field) ? requiredInt(field, min, max) : null;
    }

    public Integer requiredInt(String field, int min, int max) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
            return null;
        }
        return n.intValue();
    }

    private static boolean plausibleAmount(BigDecimal d) {
        return d.scale() <= 2 && (long) d.precision() - d.scale() <= 15; // long: 1e2147483647 overflows an int
    }

    /**
     * An amount in lek as qindarka: a decimal string ("2450.00") or a JSON number, positive, at most
     * two decimals.
     */
    public Long requiredMoney(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (n.isNumber() && !plausibleAmount(n.decimalValue())) {
            // 1e999999999 is 11 bytes of JSON and a billion digits as plain text: refused before it is written out
            errors.add(new FieldError(field, "must be an amount in lek with at most two decimals"));
            return null;
        }
        String text = n.isTextual() ? n.textValue() : n.isNumber() ? n.decimalValue().toPlainString() : null;
        try {
            long v = Money.parse(text);
            if (v <= 0) {
                errors.add(new FieldError(field, "must be more than zero"));
                return null;
            }
            return v;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** One of the given words, exactly. */
    public String requiredChoice(String field, String... choices) {
        String v = requiredString(field, 40);
        if (v != null && !List.of(choices).contains(v)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", choices)));
            return null;
        }
        return v;
    }

    public boolean optionalBoolean(String field, boolean fallback) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            errors.add(new FieldError(field, "must be true or false"));
            return fallback;
        }
        return n.booleanValue();
    }

    /** An ISO-8601 instant such as 2026-11-25T09:30:00Z, or null when absent. */
    public Instant optionalInstant(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        OffsetDateTime t = n.isTextual() ? TextRules.dateTime(n.textValue()) : null;
        if (t != null) {
            return t.toInstant();
        }
        errors.add(new FieldError(field, "must be a date and time such as 2026-11-25T09:30:00Z, between "
                + TextRules.MIN_YEAR + " and " + TextRules.MAX_YEAR));
        return null;
    }

    /** A list of distinct positive ids, in the order given. */
    public List<Long> requiredIdList(String field, int maxSize) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            errors.add(new FieldError(field, "is required"));
            return List.of();
        }
        if (!n.isArray() || n.isEmpty() || n.size() > maxSize) {
            errors.add(new FieldError(field, "must be a list of 1 to " + maxSize + " ids"));
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() <= 0) {
                errors.add(new FieldError(field, "must contain only positive whole numbers"));
                return List.of();
            }
            if (ids.contains(item.longValue())) {
                errors.add(new FieldError(field, "must not repeat an id"));
                return List.of();
            }
            ids.add(item.longValue());
        }
        return ids;
    }

    public void addError(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws one 422 listing every field problem found so far. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(List.copyOf(errors));
        }
    }

    private FieldError errorFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }
}
