package dev.holdline.longpoll.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that records everything, with the time of each error. */
class Recorder implements EventListener {

    record Gap(String from, String resync) {
    }

    record Failure(Throwable error, long atNanos) {
    }

    final List<ClientEvent> events = new CopyOnWriteArrayList<>();
    final List<Gap> gaps = new CopyOnWriteArrayList<>();
    final List<Failure> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ClientEvent event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    @Override
    public void onGap(String fromCursor, String resyncCursor) {
        gaps.add(new Gap(fromCursor, resyncCursor));
    }

    @Override
    public void onError(Throwable error) {
        errors.add(new Failure(error, System.nanoTime()));
    }

    List<String> ids() {
        return events.stream().map(ClientEvent::id).toList();
    }
}
