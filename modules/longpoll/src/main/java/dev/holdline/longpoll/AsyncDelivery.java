package dev.holdline.longpoll;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Delivers a parked request's reply through its {@link AsyncContext}, and tells the parking lot when the
 * container ends the request first.
 *
 * <p>Replies are written on a container thread ({@link AsyncContext#start}), so that one slow or dead
 * client cannot stall {@code publish()} or the shared deadline thread; only during shutdown, when the
 * container's executor may already be going away, are they written by the caller. Every failure is
 * swallowed and logged at debug level: a client that went away must not make anyone else fail.
 */
final class AsyncDelivery implements Delivery, AsyncListener {

    private static final System.Logger LOG = System.getLogger(AsyncDelivery.class.getName());

    private final AsyncContext context;
    private final String preferenceApplied;
    private volatile Waiter waiter;
    private volatile ParkingLot lot;

    AsyncDelivery(AsyncContext context, String preferenceApplied) {
        this.context = context;
        this.preferenceApplied = preferenceApplied;
    }

    /** Connects the listener callbacks to the waiter they should end. */
    void bind(Waiter waiter, ParkingLot lot) {
        this.waiter = waiter;
        this.lot = lot;
        context.addListener(this);
    }

    @Override
    public void deliver(Reply reply) {
        ParkingLot current = lot;
        if (current != null && !current.isShuttingDown()) {
            try {
                context.start(() -> write(reply));
                return;
            } catch (RuntimeException notStartable) {
                LOG.log(System.Logger.Level.TRACE, "Writing a long-poll answer on the calling thread", notStartable);
            }
        }
        write(reply);
    }

    private void write(Reply reply) {
        try {
            reply.writeTo((HttpServletRequest) context.getRequest(), (HttpServletResponse) context.getResponse(), preferenceApplied);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Could not write a long-poll answer; the client has probably gone", e);
        } finally {
            abandon();
        }
    }

    @Override
    public void abandon() {
        try {
            context.complete();
        } catch (RuntimeException alreadyEnded) {
            LOG.log(System.Logger.Level.TRACE, "Long-poll request already ended", alreadyEnded);
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        endedByContainer();
    }

    @Override
    public void onError(AsyncEvent event) {
        endedByContainer();
    }

    /** Our own deadline comes first; this only runs if the scheduler was stopped or starved. */
    @Override
    public void onTimeout(AsyncEvent event) {
        Waiter current = waiter;
        if (current != null) {
            lot.expire(current);
        }
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not re-dispatched, so never called.
    }

    private void endedByContainer() {
        Waiter current = waiter;
        if (current != null) {
            lot.abandon(current);
        }
    }
}
