package al.sportel.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The waiting-room screen's view of an event: ticket number, service letter, status and counter
 * number only — nothing about clerks or customers.
 */
final class DisplayEvents {

    private final ObjectMapper mapper;

    DisplayEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String toPublic(String payload) {
        try {
            JsonNode event = mapper.readTree(payload);
            ObjectNode out = mapper.createObjectNode();
            out.set("type", event.get("type"));
            out.set("at", event.get("at"));
            JsonNode counter = event.path("counter");
            JsonNode ticket = event.path("ticket");
            if (ticket.isObject()) {
                ObjectNode t = out.putObject("ticket");
                t.set("number", ticket.get("number"));
                t.set("serviceId", ticket.get("serviceId"));
                t.set("serviceLetter", ticket.get("serviceLetter"));
                t.set("status", ticket.get("status"));
                t.set("calledAt", ticket.get("calledAt"));
                boolean atThisCounter = counter.isObject() && ticket.path("counterId").asLong(-1) == counter.path("id").asLong();
                if (atThisCounter) {
                    t.set("counterNumber", counter.get("number"));
                } else {
                    t.putNull("counterNumber");
                }
            } else {
                out.putNull("ticket");
            }
            if (counter.isObject()) {
                ObjectNode c = out.putObject("counter");
                c.set("number", counter.get("number"));
                c.set("status", counter.get("status"));
            } else {
                out.putNull("counter");
            }
            return mapper.writeValueAsString(out);
        } catch (Exception e) {
            throw new IllegalStateException("stored event is not valid JSON", e);
        }
    }

    String snapshotRequired(Instant at) {
        ObjectNode out = mapper.createObjectNode();
        out.put("type", "snapshot.required");
        out.put("at", at.toString());
        out.putNull("ticket");
        out.putNull("counter");
        return out.toString();
    }
}
