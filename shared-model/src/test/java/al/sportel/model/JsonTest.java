package al.sportel.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void eventsUseWireNamesAndIsoInstants() throws Exception {
        Ticket t = new Ticket("id1", "P001", 1, "P", "TR01", TicketStatus.CALLED, false,
                Instant.parse("2026-11-25T08:15:30Z"), null, null, null, 3L, null, null, null, null);
        String json = mapper.writeValueAsString(new LiveEvent(EventType.TICKET_NO_SHOW, t.issuedAt(), t, null));
        assertThat(json).contains("\"type\":\"ticket.no_show\"").contains("\"issuedAt\":\"2026-11-25T08:15:30Z\"");
        LiveEvent back = mapper.readValue(json, LiveEvent.class);
        assertThat(back.type()).isEqualTo(EventType.TICKET_NO_SHOW);
        assertThat(back.ticket()).isEqualTo(t);
    }

    @Test
    void unknownFieldsFromANewerServerAreIgnored() throws Exception {
        Branch b = mapper.readValue("{\"code\":\"TR01\",\"name\":\"Tiranë\",\"city\":\"Tiranë\",\"address\":\"x\",\"extra\":1}", Branch.class);
        assertThat(b.code()).isEqualTo("TR01");
    }
}
