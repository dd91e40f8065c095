package dev.holdline.longpoll.cditest;

import dev.holdline.longpoll.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application bean that injects {@link Topics}, as users will. */
@ApplicationScoped
public class TopicsUser {

    @Inject
    Topics topics;

    public Topics topics() {
        return topics;
    }
}
