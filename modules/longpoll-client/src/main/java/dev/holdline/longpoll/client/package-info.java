/**
 * A Java client for Holdline long polling, on {@code java.net.http} only ({@link
 * dev.holdline.longpoll.client.LongPollClient}); it needs neither the Servlet API nor a JSON library at
 * run time. See the "Java client" section of docs/longpoll.md and LP-9 in docs/spec/longpoll.md.
 */
package dev.holdline.longpoll.client;
