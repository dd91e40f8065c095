package dev.holdline.longpoll;

/** Where a parked request's answer goes; the servlet's is {@link AsyncDelivery}, tests count calls. */
interface Delivery {

    /** Writes the reply and ends the request. Never throws: the client may be long gone. */
    void deliver(Reply reply);

    /** Ends the request without an answer, after the container reported it dead. Never throws. */
    void abandon();
}
