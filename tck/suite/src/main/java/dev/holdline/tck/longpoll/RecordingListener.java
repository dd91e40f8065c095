package dev.holdline.tck.longpoll;

import dev.holdline.longpoll.client.ClientEvent;
import dev.holdline.longpoll.client.EventListener;
import java.util.ArrayList;
import java.util.List;

/** What a Java client under test handed to its listener, in order; read from the test thread. */
final class RecordingListener implements EventListener {

    /** A gap the client reported: the cursor it had and the one it resumed from. */
    record Gap(String from, String resync) {
    }

    private final List<ClientEvent> events = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    @Override
    public synchronized void onEvent(ClientEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void onGap(String from, String resync) {
        gaps.add(new Gap(from, resync));
    }

    @Override
    public synchronized void onError(Throwable error) {
        errors.add(error);
    }

    synchronized List<ClientEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<Gap> gaps() {
        return List.copyOf(gaps);
    }

    synchronized List<Throwable> errors() {
        return List.copyOf(errors);
    }
}
