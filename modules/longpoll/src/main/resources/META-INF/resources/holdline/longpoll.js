// Holdline long-poll client for browsers and Node.js >= 18 (LP-9.5 in docs/spec/longpoll.md).
// A dependency-free ES module: no build step. The holdline-longpoll jar serves it at
// <context path>/holdline/longpoll.js. It mirrors dev.holdline.longpoll.client.LongPollClient;
// see the "Browser module" section of docs/longpoll.md.
// This file is ASCII only, so that it reads the same whatever charset a container announces.

const TOPIC = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * One event of a topic, as handed to `onEvent`.
 *
 * @typedef {object} LongPollEvent
 * @property {string} id   the event's cursor: a client started from it continues after this event
 * @property {string} type the event type given to `publish`
 * @property {*}      data the event's data, parsed from JSON
 * @property {string} time when it was published, RFC 3339 in UTC (`new Date(event.time)` converts it)
 */

/**
 * Options of a {@link LongPollClient}; only `onEvent` is required. Durations in milliseconds, except
 * `waitSeconds`.
 *
 * @typedef {object} LongPollOptions
 * @property {string} [cursor] where to start: the `id` of the last event handled or a saved
 *   `client.cursor`; without it the client starts at the topic's current position
 * @property {number} [waitSeconds=30] the wait asked for with `Prefer: wait=<n>`, whole seconds from 1
 *   to 86400 (rounded up); the server may clamp it
 * @property {number} [limit] at most this many events per answer (1 to 100000); default: the server's
 * @property {(event: LongPollEvent) => (void|Promise<void>)} onEvent receives each event once, in order;
 *   a returned promise is awaited before the next event. If it throws (or rejects), the error goes to
 *   `onError` and the same event is offered again after a back-off
 * @property {(fromCursor: string|undefined, resyncCursor: string) => (void|Promise<void>)} [onGap]
 *   called on `410 Gone`: events after `fromCursor` were lost; the client continues from `resyncCursor`
 * @property {(error: Error) => void} [onError] every failure: a {@link LongPollError} for an HTTP
 *   status, a `TypeError` for a network error, an error named `TimeoutError`, or what a callback threw
 * @property {number} [backoffBaseMs=250] the first back-off after a failure is up to this
 * @property {number} [backoffMaxMs=30000] back-offs double up to this
 * @property {number} [timeoutMarginMs=10000] a request is abandoned (and retried) after the wait plus
 *   wait/16 (the server's jitter) plus this margin
 * @property {typeof fetch} [fetch] the fetch function to use (for authentication or tests); default
 *   `globalThis.fetch`
 */

/** An answer with an HTTP status the client did not expect, reported to `onError`. */
export class LongPollError extends Error {
  /**
   * @param {string} message
   * @param {number} status the HTTP status
   */
  constructor(message, status) {
    super(message);
    this.name = 'LongPollError';
    /** The HTTP status of the answer. */
    this.status = status;
  }
}

/**
 * Follows one topic of a Holdline long-poll endpoint with `fetch` and `AbortController`.
 *
 * ```js
 * import { LongPollClient } from '/app/holdline/longpoll.js';
 * const client = new LongPollClient('/app/events/', 'orders', {
 *   cursor: localStorage.getItem('orders.cursor') ?? undefined,
 *   onEvent: (event) => { render(event); localStorage.setItem('orders.cursor', event.id); },
 *   onGap: () => reloadOrders(),
 * });
 * client.start();
 * // later: client.close();
 * ```
 *
 * It sends `GET {eventsBase}{topic}?cursor=...` with `Prefer: wait=<n>`, hands the events of each
 * `200` to `onEvent` in order and continues from the answer's cursor; asks again from the same cursor
 * on `304`; calls `onGap` and continues from the problem's `cursor` on `410`; waits at least
 * `Retry-After` (delay-seconds or HTTP date) on `503` and `429`; stops after reporting any other `4xx`
 * but `408` (asking again would be refused again); backs off exponentially with full jitter on network
 * errors, timeouts, unreadable bodies and every other status. One request at a time.
 */
export class LongPollClient {
  #url;
  #topic;
  #cursor;
  #waitSeconds;
  #limit;
  #onEvent;
  #onGap;
  #onError;
  #backoffBaseMs;
  #backoffMaxMs;
  #timeoutMs;
  #fetch;
  #started = false;
  #closed = false;
  #failures = 0;
  /** @type {AbortController|undefined} aborts the request under way */
  #request;
  /** @type {(() => void)|undefined} ends the pause under way at once */
  #wake;

  /**
   * @param {string|URL} eventsBase the long-poll mapping of the application, such as `/app/events/`
   *   or `https://host/app/events/` (relative only in a browser; a missing final `/` is added)
   * @param {string} topic the topic name, 1 to 128 of `A-Z a-z 0-9 . _ -`
   * @param {LongPollOptions} options
   */
  constructor(eventsBase, topic, options) {
    const {
      cursor, waitSeconds = 30, limit, onEvent, onGap, onError,
      backoffBaseMs = 250, backoffMaxMs = 30000, timeoutMarginMs = 10000, fetch: fetchFunction,
    } = options ?? {};
    if (typeof topic !== 'string' || !TOPIC.test(topic)) {
      throw new TypeError(`Invalid topic name '${topic}': expected 1 to 128 of A-Z a-z 0-9 . _ -`);
    }
    if (typeof onEvent !== 'function') {
      throw new TypeError('A long-poll client needs an onEvent function');
    }
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
      throw new TypeError(`cursor must be a non-empty string, was ${cursor}`);
    }
    // Zero is refused: every answer would be an immediate 304 and the client would poll in a busy loop.
    if (!(waitSeconds >= 1 && waitSeconds <= 86400)) {
      throw new RangeError(`waitSeconds must be from 1 to 86400, was ${waitSeconds}`);
    }
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100000)) {
      throw new RangeError(`limit must be an integer from 1 to 100000, was ${limit}`);
    }
    if (!(backoffBaseMs > 0 && backoffMaxMs >= backoffBaseMs)) {
      throw new RangeError(`backoff needs 0 < backoffBaseMs <= backoffMaxMs, was ${backoffBaseMs} and ${backoffMaxMs}`);
    }
    if (!(timeoutMarginMs > 0)) {
      throw new RangeError(`timeoutMarginMs must be positive, was ${timeoutMarginMs}`);
    }
    const base = String(eventsBase);
    // Relative to the page in a browser; Node has no location, so only absolute URLs work there.
    this.#url = new URL(topic, new URL(base.endsWith('/') ? base : base + '/', globalThis.location?.href));
    this.#topic = topic;
    this.#cursor = cursor;
    // Prefer: wait takes whole seconds; rounding up never asks for less than was configured.
    this.#waitSeconds = Math.ceil(waitSeconds);
    this.#limit = limit;
    this.#onEvent = onEvent;
    this.#onGap = onGap ?? (() => {});
    this.#onError = onError ?? (() => {});
    this.#backoffBaseMs = backoffBaseMs;
    this.#backoffMaxMs = backoffMaxMs;
    // The server may add up to wait/16 of jitter; the margin covers the network and a busy server.
    this.#timeoutMs = this.#waitSeconds * 1000 * 17 / 16 + timeoutMarginMs;
    // Called through a closure: browsers refuse fetch called with another `this` ("Illegal invocation").
    this.#fetch = fetchFunction ?? ((url, init) => globalThis.fetch(url, init));
  }

  /**
   * Starts polling. Without a start cursor the first request asks for the topic's current position,
   * so only events published after it are delivered.
   *
   * @returns {this}
   * @throws {Error} if already started or closed
   */
  start() {
    if (this.#closed) {
      throw new Error(`The long-poll client of topic '${this.#topic}' is closed`);
    }
    if (this.#started) {
      throw new Error(`The long-poll client of topic '${this.#topic}' is already started`);
    }
    this.#started = true;
    this.#run();
    return this;
  }

  /**
   * Stops: aborts the request under way (which closes its connection, so the server's parked request
   * ends) and any pending pause, and sends nothing more. Events of the current answer not yet handed to
   * `onEvent` are dropped (`cursor` stays before them); only an `onEvent` call already under way may
   * still complete. Idempotent; may be called from a callback.
   */
  close() {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    this.#request?.abort();
    this.#wake?.();
  }

  /** Whether {@link close} was called, or the client stopped after a permanent client error. */
  get closed() {
    return this.#closed;
  }

  /**
   * The cursor after the last event handed to `onEvent` (or the start cursor, or the one received from
   * the first answer); undefined before the first answer when started without one. Save it to resume.
   *
   * @returns {string|undefined}
   */
  get cursor() {
    return this.#cursor;
  }

  /** The topic followed. */
  get topic() {
    return this.#topic;
  }

  async #run() {
    while (!this.#closed) {
      let pause;
      try {
        pause = await this.#poll();
      } catch (unexpected) {
        // A bug of ours or a hostile fetch replacement: never let the loop die silently.
        if (this.#closed) {
          return;
        }
        this.#failed(unexpected);
        pause = this.#backoff();
      }
      if (pause > 0) {
        await this.#sleep(pause);
      }
    }
  }

  /** One request and its handling; resolves to the pause (ms) before the next one. */
  async #poll() {
    const controller = new AbortController();
    this.#request = controller;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    let response;
    let body;
    try {
      response = await this.#fetch(this.#requestUrl(), {
        method: 'GET',
        headers: { Accept: 'application/json, application/problem+json', Prefer: `wait=${this.#waitSeconds}` },
        // Every answer depends on the moment it is asked: no cache may answer or store it.
        cache: 'no-store',
        signal: controller.signal,
      });
      // Read the whole body under the same abort signal and timeout: close() also ends a slow body.
      body = await response.text();
    } catch (error) {
      if (this.#closed) {
        return 0;
      }
      this.#failed(timedOut ? timeoutError(this.#topic, this.#timeoutMs) : error);
      return this.#backoff();
    } finally {
      clearTimeout(timer);
      this.#request = undefined;
    }
    if (this.#closed) {
      return 0;
    }
    return this.#handle(response, body);
  }

  #requestUrl() {
    const url = new URL(this.#url);
    if (this.#cursor !== undefined) {
      url.searchParams.set('cursor', this.#cursor);
    }
    if (this.#limit !== undefined) {
      url.searchParams.set('limit', String(this.#limit));
    }
    return url.href;
  }

  async #handle(response, body) {
    const status = response.status;
    try {
      switch (status) {
        case 200:
          return await this.#delivered(body);
        case 304:
          return this.#succeeded();
        case 410:
          return await this.#gap(response, body);
        case 429:
        case 503: {
          this.#failed(new LongPollError(`Long poll of topic '${this.#topic}' answered ${status}`, status));
          // The back-off still grows, so that a server that keeps refusing is asked ever less often.
          return Math.max(retryAfterMs(response.headers.get('Retry-After'), Date.now()), this.#backoff());
        }
        default: {
          this.#failed(new LongPollError(`Long poll of topic '${this.#topic}' answered ${status}: ${abbreviate(body)}`, status));
          if (isPermanent(status)) {
            // An unknown topic or a refused cursor will not heal by asking again.
            this.close();
            return 0;
          }
          return this.#backoff();
        }
      }
    } catch (unreadable) {
      if (!(unreadable instanceof UnreadableAnswer)) {
        throw unreadable;
      }
      this.#failed(new LongPollError(`Long poll of topic '${this.#topic}' answered ${status} with an unreadable body: ${unreadable.message}`, status));
      return this.#backoff();
    }
  }

  async #delivered(body) {
    const document = parseObject(body, 'the document');
    const next = requireString(document, 'cursor');
    if (!Array.isArray(document.events)) {
      throw new UnreadableAnswer("member 'events' is not an array");
    }
    // Read every event before handing any over: a malformed body delivers nothing and is retried whole.
    const events = document.events.map((event) => {
      if (event === null || typeof event !== 'object' || Array.isArray(event)) {
        throw new UnreadableAnswer('an event is not a JSON object');
      }
      if (!('data' in event)) {
        throw new UnreadableAnswer("an event has no 'data'");
      }
      const time = requireString(event, 'time');
      if (Number.isNaN(Date.parse(time))) {
        throw new UnreadableAnswer(`an event's 'time' is not RFC 3339: ${time}`);
      }
      return { id: requireString(event, 'id'), type: requireString(event, 'type'), data: event.data, time };
    });
    for (const event of events) {
      if (this.#closed) {
        return 0;
      }
      try {
        await this.#onEvent(event);
      } catch (error) {
        // Continue after the last event handled, so that this one is offered again.
        this.#failed(error);
        return this.#backoff();
      }
      // Only now: a client saved and restarted from `cursor` never skips an event that was not handled.
      this.#cursor = event.id;
    }
    if (this.#closed) {
      return 0;
    }
    this.#cursor = next;
    return this.#succeeded();
  }

  async #gap(response, body) {
    const contentType = response.headers.get('Content-Type') ?? '';
    if (!contentType.toLowerCase().startsWith('application/problem+json')) {
      throw new UnreadableAnswer(`a 410 without a problem (Content-Type '${contentType}')`);
    }
    const resync = requireString(parseObject(body, 'the problem'), 'cursor');
    const from = this.#cursor;
    this.#cursor = resync;
    try {
      await this.#onGap(from, resync);
    } catch (error) {
      // The gap cannot be offered again (the server no longer knows it), so go on from the resync point.
      this.#failed(error);
    }
    return this.#succeeded();
  }

  #succeeded() {
    this.#failures = 0;
    return 0;
  }

  #failed(error) {
    try {
      this.#onError(error);
    } catch {
      // A failing error handler must not stop the client; there is nobody left to tell.
    }
  }

  /** Full jitter (uniform between zero and the exponential cap) spreads clients that failed together. */
  #backoff() {
    this.#failures = Math.min(this.#failures + 1, 62);
    const cap = Math.min(this.#backoffBaseMs * 2 ** (this.#failures - 1), this.#backoffMaxMs);
    return Math.random() * cap;
  }

  /** Resolves after at least `ms`, or at once when closed. */
  #sleep(ms) {
    const deadline = Date.now() + ms;
    return new Promise((resolve) => {
      let timer;
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const arm = () => {
        const left = deadline - Date.now();
        // Timers may fire a little early; Retry-After is a lower bound, so wait again if they do.
        if (left <= 0 || this.#closed) {
          done();
        } else {
          timer = setTimeout(arm, Math.ceil(left));
        }
      };
      this.#wake = done;
      arm();
    });
  }
}

/** A body that does not have the expected shape: retried with the back-off, like a server error. */
class UnreadableAnswer extends Error {}

/** A client error other than a timeout: the same request would be refused again. */
function isPermanent(status) {
  return status >= 400 && status < 500 && status !== 408;
}

/**
 * The delay (ms) a `Retry-After` value asks for: delay-seconds or an HTTP date; zero if absent or invalid.
 *
 * @param {string|null} value
 * @param {number} now epoch milliseconds
 */
export function retryAfterMs(value, now) {
  if (value == null) {
    return 0;
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  // Date.parse reads the IMF-fixdate of RFC 9110 (and its obsolete forms) in every current engine.
  const date = /[A-Za-z]/.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}

function timeoutError(topic, ms) {
  const error = new Error(`Long poll of topic '${topic}' got no answer within ${Math.round(ms)} ms`);
  error.name = 'TimeoutError';
  return error;
}

function parseObject(text, what) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UnreadableAnswer(`${what} is not JSON: ${error.message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UnreadableAnswer(`${what} is not a JSON object`);
  }
  return value;
}

function requireString(object, name) {
  const value = object[name];
  if (typeof value !== 'string') {
    throw new UnreadableAnswer(`member '${name}' is missing or not a string`);
  }
  return value;
}

function abbreviate(body) {
  const text = String(body ?? '');
  return text.length <= 200 ? text : text.slice(0, 200) + '...';
}
