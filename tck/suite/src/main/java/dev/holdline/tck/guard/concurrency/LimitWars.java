package dev.holdline.tck.guard.concurrency;

import dev.holdline.tck.guard.GuardWars;
import dev.holdline.tck.harness.Deployments;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The web archive of the concurrency-limit tests: holdline-guard and what it needs in WEB-INF/lib. */
final class LimitWars {

    private LimitWars() {
    }

    /** {@code <name>.war} with the guard libraries and a {@code web.xml} made of {@code webXml} elements. */
    static WebArchive war(String name, String webXml) {
        return GuardWars.war(name, webXml);
    }

    /** A {@code ConcurrencyLimitFilter} on {@code pattern} for REQUEST and ASYNC dispatches, with init-params (name, value pairs). */
    static String filter(String name, String pattern, String... params) {
        return Deployments.filter(name, "dev.holdline.guard.concurrency.ConcurrencyLimitFilter", pattern, params);
    }
}
