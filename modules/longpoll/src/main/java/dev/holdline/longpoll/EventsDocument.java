package dev.holdline.longpoll;

import dev.holdline.http.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Serialises {@code {"topic":…,"events":[…],"cursor":…}}, the body of every 200. */
final class EventsDocument {

    private EventsDocument() {
    }

    static byte[] serialise(String topic, String epoch, List<LoggedEvent> events, String cursor) {
        StringBuilder json = new StringBuilder(64 + events.size() * 96);
        json.append("{\"topic\":");
        JsonWriter.appendString(json, topic);
        json.append(",\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            LoggedEvent event = events.get(i);
            json.append(i == 0 ? "{\"id\":" : ",{\"id\":");
            JsonWriter.appendString(json, epoch + "." + event.position());
            json.append(",\"type\":");
            JsonWriter.appendString(json, event.type());
            json.append(",\"data\":").append(event.data());
            json.append(",\"time\":");
            JsonWriter.appendString(json, DateTimeFormatter.ISO_INSTANT.format(event.time().truncatedTo(ChronoUnit.MILLIS)));
            json.append('}');
        }
        json.append("],\"cursor\":");
        JsonWriter.appendString(json, cursor);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
