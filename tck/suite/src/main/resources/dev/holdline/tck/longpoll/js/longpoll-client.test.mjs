// LP-9.5: the browser module (longpoll.js) behaves as LP-9.1 to LP-9.4, in a real JS runtime against a
// real container. Run by dev.holdline.tck.longpoll.LongPollBrowserModuleTest:
//   node --test --test-reporter=tap longpoll-client.test.mjs
// with ./longpoll.js being the file the container served, and the environment
//   HOLDLINE_BASE_URL      the application, e.g. http://localhost:8080/lp-js/ (deployment of the Java test)
//   HOLDLINE_TIME_FACTOR   the TCK timing factor (default 1): scales upper bounds and waits, never lower bounds
// The application has the long-poll servlet at /events/*, the TCK's helper servlets under /lp-app/
// (declare, publish, runtime) and ScriptedAnswersFilter in front of /events/* (see /lp-app/scripted),
// which logs every request of the clients under test and can answer in the server's place.
// Only node:test and node:assert: no npm packages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LongPollClient, LongPollError } from './longpoll.js';

const BASE = (() => {
  const raw = process.env.HOLDLINE_BASE_URL;
  if (!raw) {
    throw new Error('Set HOLDLINE_BASE_URL to the base URL of the deployed test application');
  }
  return raw.endsWith('/') ? raw : raw + '/';
})();
const EVENTS = new URL('events/', BASE).href;
const FACTOR = Number(process.env.HOLDLINE_TIME_FACTOR ?? '1');
if (!(FACTOR > 0)) {
  throw new Error(`HOLDLINE_TIME_FACTOR must be a positive number, was ${process.env.HOLDLINE_TIME_FACTOR}`);
}
/** Slack of the spec: one second times the timing factor (upper bounds only). */
const SLACK = 1000 * FACTOR;
/** Every test ends within this, whatever happens. */
const TEST_TIMEOUT = 30000 * FACTOR;
/** Distinguishes this run's topics from those of an earlier run against the same deployment. */
const RUN = Math.random().toString(36).slice(2, 8);
let topics = 0;

// ------------------------------------------------------------------ helpers: the test application

async function call(method, path, params = {}, expected = [200, 204]) {
  const url = new URL(path, BASE);
  for (const [name, value] of Object.entries(params)) {
    for (const one of [].concat(value)) {
      url.searchParams.append(name, String(one));
    }
  }
  const response = await fetch(url, { method, cache: 'no-store', signal: AbortSignal.timeout(10000 * FACTOR) });
  const text = await response.text();
  assert.ok(expected.includes(response.status), `${method} ${url} answered ${response.status}: ${text}`);
  return text;
}

/** Declares a new stream topic of this run through the DeclareServlet and returns its name. */
async function streamTopic(hint, retainCount) {
  const topic = `js-${hint}-${RUN}-${++topics}`;
  await call('POST', 'lp-app/declare', { topic, kind: 'stream', ...(retainCount ? { retainCount } : {}) });
  return topic;
}

/** Publishes `count` events of `type` with data {"n":1} to {"n":count}; resolves to the last cursor. */
async function publish(topic, type, count = 1) {
  return (await call('POST', 'lp-app/publish', { topic, type, count })).trim();
}

async function currentCursor(topic) {
  // The bypass header keeps this read out of the request log and the scripted answers.
  const response = await fetch(EVENTS + topic, {
    cache: 'no-store', headers: { 'Holdline-Tck-Bypass': 'true' }, signal: AbortSignal.timeout(10000 * FACTOR),
  });
  assert.equal(response.status, 200);
  return (await response.json()).cursor;
}

async function parked(topic) {
  return Number(await call('GET', 'lp-app/runtime/parked', { topic }));
}

/** Queues answers for the next requests to `topic` (ScriptedAnswersFilter), e.g. '503:1', '429:date+2', '500'. */
async function script(topic, ...answers) {
  await call('POST', 'lp-app/scripted', { topic, answer: answers });
}

/** The requests the server saw for `topic`, oldest first. */
async function requests(topic) {
  const text = await call('GET', 'lp-app/scripted', { topic });
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const [monotonic, wall, status, cursor, retryAfter] = line.trim().split(' ');
    return {
      monotonic: Number(monotonic), wall: Number(wall), status,
      cursor: cursor === '-' ? undefined : cursor,
      retryAfter: retryAfter === '-' ? undefined : retryAfter.replaceAll('_', ' '),
    };
  });
}

/** The position of a cursor `<epoch>.<position>` (docs/longpoll.md: readable for tests). */
function position(cursor) {
  return Number(cursor.slice(cursor.lastIndexOf('.') + 1));
}

// ------------------------------------------------------------------ helpers: synchronisation

/** Resolves once `condition` (sync or async) is truthy; fails after `timeout` ms. Never a fixed sleep. */
async function until(what, condition, timeout = 10000 * FACTOR) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) {
      return;
    }
    if (Date.now() > deadline) {
      assert.fail(`Timed out after ${timeout} ms waiting until ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Fails if `condition` turns false within `duration` ms: checks that something does NOT happen. */
async function stays(what, condition, duration) {
  const deadline = Date.now() + duration;
  while (Date.now() < deadline) {
    assert.ok(await condition(), `expected ${what} for ${duration} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.ok(await condition(), `expected ${what} for ${duration} ms`);
}

/** Callbacks that record what the client reports. */
function recorder() {
  const record = {
    events: [], gaps: [], errors: [],
    onEvent: (event) => { record.events.push(event); },
    onGap: (from, resync) => { record.gaps.push([from, resync]); },
    onError: (error) => { record.errors.push(error); },
  };
  return record;
}

/** Starts a client of `topic` with `options`, runs `body(client)`, and always closes the client. */
async function withClient(topic, options, body) {
  const client = new LongPollClient(EVENTS, topic, options);
  try {
    client.start();
    await body(client);
  } finally {
    client.close();
  }
}

function dataOf(events) {
  return events.map((event) => `${event.type}:${event.data.n}`);
}

function expected(type, count) {
  return Array.from({ length: count }, (_, i) => `${type}:${i + 1}`);
}

// ------------------------------------------------------------------ the API

test('the module checks its arguments', { timeout: TEST_TIMEOUT }, () => {
  const onEvent = () => {};
  assert.throws(() => new LongPollClient(EVENTS, 'no spaces', { onEvent }), TypeError);
  assert.throws(() => new LongPollClient(EVENTS, 'orders', {}), TypeError);
  assert.throws(() => new LongPollClient(EVENTS, 'orders', { onEvent, waitSeconds: 0 }), RangeError);
  assert.throws(() => new LongPollClient(EVENTS, 'orders', { onEvent, limit: 0 }), RangeError);
  const client = new LongPollClient(EVENTS, 'orders', { onEvent, cursor: 'abc.1' });
  assert.equal(client.cursor, 'abc.1');
  assert.equal(client.topic, 'orders');
  client.close();
  assert.equal(client.closed, true);
  assert.throws(() => client.start(), /closed/);
});

// ------------------------------------------------------------------ LP-9.1

test('LP-9.1 follows the cursor and hands every event over exactly once, in order, across answers', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('order');
  const start = await currentCursor(topic);
  const record = recorder();
  await withClient(topic, { ...record, cursor: start, limit: 4, waitSeconds: 5 }, async (client) => {
    await publish(topic, 'first', 10);
    await until('the first 10 events are handed over', () => record.events.length >= 10);
    // Publish while the client is parked, then twice in a row.
    await until('the client is parked again', async () => (await parked(topic)) === 1);
    await publish(topic, 'second', 7);
    const last = await publish(topic, 'third', 5);
    await until('22 events are handed over', () => record.events.length >= 22);
    await until('the cursor reaches the last event', () => client.cursor === last);
    // One more proves that nothing was repeated or is still pending before it.
    const extra = await publish(topic, 'extra', 1);
    await until('the extra event is handed over', () => record.events.length >= 23);

    assert.deepEqual(dataOf(record.events),
      [...expected('first', 10), ...expected('second', 7), ...expected('third', 5), 'extra:1']);
    const positions = record.events.map((event) => position(event.id));
    assert.deepEqual(positions, Array.from({ length: 23 }, (_, i) => position(start) + i + 1), 'ids follow the log');
    assert.equal(record.events[21].id, last);
    assert.equal(record.events[22].id, extra);
    for (const event of record.events) {
      assert.deepEqual(Object.keys(event).sort(), ['data', 'id', 'time', 'type']);
      assert.ok(!Number.isNaN(Date.parse(event.time)), `time ${event.time}`);
    }
    assert.deepEqual(record.errors, []);
    assert.deepEqual(record.gaps, []);

    // limit=4 forced several answers; each request continued from the cursor of the one before.
    const seen = await requests(topic);
    assert.ok(seen.length >= 7, `${seen.length} requests for 23 events with limit 4`);
    assert.equal(seen[0].cursor, start);
    for (const request of seen) {
      assert.ok(request.cursor !== undefined && position(request.cursor) >= position(start), `request ${JSON.stringify(request)}`);
    }
    for (let i = 1; i < seen.length; i++) {
      assert.ok(position(seen[i].cursor) >= position(seen[i - 1].cursor), 'the cursor never goes back');
    }
  });
});

test('LP-9.1 without a cursor starts at the current position; a client started from cursor continues without gap or repeat', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('resume');
  await publish(topic, 'before', 2);
  const current = await currentCursor(topic);
  const first = recorder();
  let saved;
  await withClient(topic, { ...first, waitSeconds: 5 }, async (client) => {
    await until('the first answer gives the current cursor', () => client.cursor !== undefined);
    assert.equal(client.cursor, current);
    await publish(topic, 'during', 3);
    await until('3 events are handed over', () => first.events.length >= 3);
    saved = client.cursor;
  });
  assert.deepEqual(dataOf(first.events), expected('during', 3), 'events before the start are not delivered');
  await publish(topic, 'after', 2);
  const second = recorder();
  await withClient(topic, { ...second, cursor: saved, waitSeconds: 5 }, async () => {
    await until('the 2 events published in between are handed over', () => second.events.length >= 2);
  });
  assert.deepEqual(dataOf(second.events), expected('after', 2));
});

test('LP-9.1 the cursor advances only after onEvent returns; an event whose onEvent failed is offered again', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('failing');
  const start = await currentCursor(topic);
  const handled = [];
  const errors = [];
  let failOnce = true;
  let client;
  const onEvent = async (event) => {
    // Asynchronous on purpose: the client must await it before moving on.
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(client.cursor, handled.length === 0 ? start : handled[handled.length - 1].id,
      'the cursor has not moved past an event still being handled');
    if (event.data.n === 3 && failOnce) {
      failOnce = false;
      throw new Error('handler refused event 3');
    }
    handled.push(event);
  };
  client = new LongPollClient(EVENTS, topic, { onEvent, onError: (e) => errors.push(e), cursor: start, waitSeconds: 5, backoffBaseMs: 50 });
  try {
    client.start();
    await publish(topic, 'e', 5);
    await until('5 events are handled', () => handled.length >= 5);
    await until('the cursor names the last event', () => client.cursor === handled[4].id);
  } finally {
    client.close();
  }
  assert.deepEqual(dataOf(handled), expected('e', 5));
  assert.equal(errors.length, 1, `errors: ${errors}`);
  assert.match(errors[0].message, /refused event 3/);
});

// ------------------------------------------------------------------ LP-9.2

test('LP-9.2 on 410 (expired cursor) reports the gap and continues from the problem\'s cursor', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('expired', 2);
  const stale = await publish(topic, 'old', 1);
  const current = await publish(topic, 'dropped', 3); // retain-count 2: the event after `stale` is gone
  const record = recorder();
  await withClient(topic, { ...record, cursor: stale, waitSeconds: 5 }, async (client) => {
    await until('the gap is reported', () => record.gaps.length >= 1);
    assert.deepEqual(record.gaps, [[stale, current]]);
    assert.equal(client.cursor, current);
    const fresh = await publish(topic, 'fresh', 1);
    await until('the next event is handed over', () => record.events.length >= 1);
    assert.deepEqual(dataOf(record.events), ['fresh:1'], 'no event of the gap is delivered');
    assert.equal(record.events[0].id, fresh);
  });
  const seen = await requests(topic);
  assert.equal(seen[0].status, '410');
  assert.equal(seen[1].cursor, current, 'the request after the 410 continues from the resync cursor');
  assert.deepEqual(record.errors, []);
});

test('LP-9.2 on 410 (cursor of another epoch) reports the gap and continues from the problem\'s cursor', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('foreign');
  const current = await publish(topic, 'old', 2);
  const foreign = 'foreignepoch0.1';
  const record = recorder();
  await withClient(topic, { ...record, cursor: foreign, waitSeconds: 5 }, async (client) => {
    await until('the gap is reported', () => record.gaps.length >= 1);
    assert.deepEqual(record.gaps, [[foreign, current]]);
    await publish(topic, 'fresh', 1);
    await until('the next event is handed over', () => record.events.length >= 1);
    assert.deepEqual(dataOf(record.events), ['fresh:1']);
    assert.equal(client.cursor, record.events[0].id);
  });
});

// ------------------------------------------------------------------ LP-9.3

test('LP-9.3 on 503 and 429 the next request comes no earlier than Retry-After (seconds and HTTP date)', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('retry-after');
  const start = await currentCursor(topic);
  await script(topic, '503:1', '429:date+2');
  const record = recorder();
  await withClient(topic, { ...record, cursor: start, waitSeconds: 5, backoffBaseMs: 50, backoffMaxMs: 100 }, async () => {
    await until('a third request arrives', async () => (await requests(topic)).length >= 3);
    await publish(topic, 'e', 1);
    await until('the event is handed over', () => record.events.length >= 1);
  });
  const [refused, limited, third] = await requests(topic);
  assert.equal(refused.status, '503');
  assert.equal(limited.status, '429');
  for (const request of [refused, limited, third]) {
    assert.equal(request.cursor, start, 'the cursor is kept');
  }
  // Measured on the server from the refused request's arrival, which precedes the client reading the
  // answer: a lower bound the client cannot meet by being early.
  const afterSeconds = limited.monotonic - refused.monotonic;
  assert.ok(afterSeconds >= 1000, `the request after 'Retry-After: 1' came ${afterSeconds} ms later`);
  assert.ok(afterSeconds <= 1000 + 2 * SLACK, `the request after 'Retry-After: 1' came only ${afterSeconds} ms later`);
  const date = Date.parse(limited.retryAfter);
  assert.ok(!Number.isNaN(date), `Retry-After ${limited.retryAfter}`);
  assert.ok(third.wall >= date, `the request after 'Retry-After: ${limited.retryAfter}' came at ${new Date(third.wall).toISOString()}`);
  assert.ok(third.wall <= date + 2 * SLACK, `the request after 'Retry-After: ${limited.retryAfter}' came as late as ${new Date(third.wall).toISOString()}`);
  assert.deepEqual(record.errors.map((e) => e instanceof LongPollError && e.status), [503, 429]);
  assert.deepEqual(dataOf(record.events), ['e:1']);
});

test('LP-9.3 on 5xx (and 408) it backs off with jitter and recovers', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('backoff');
  const start = await currentCursor(topic);
  await script(topic, '500', '408', '502', '500');
  const record = recorder();
  const base = 200;
  const max = 400;
  await withClient(topic, { ...record, cursor: start, waitSeconds: 5, backoffBaseMs: base, backoffMaxMs: max }, async () => {
    await until('the client is parked after the failures', async () => (await parked(topic)) === 1);
    await publish(topic, 'e', 1);
    await until('the event is handed over', () => record.events.length >= 1);
  });
  const seen = await requests(topic);
  assert.deepEqual(seen.slice(0, 5).map((r) => r.status), ['500', '408', '502', '500', 'async']);
  assert.deepEqual(record.errors.map((e) => e.status), [500, 408, 502, 500]);
  let total = 0;
  for (let i = 1; i <= 4; i++) {
    const delay = seen[i].monotonic - seen[i - 1].monotonic;
    const cap = Math.min(base * 2 ** (i - 1), max);
    assert.ok(delay <= cap + SLACK, `retry ${i} came ${delay} ms after failure ${i}, above the back-off cap ${cap} ms plus slack`);
    total += delay;
  }
  // Full jitter has no lower bound per retry, but four uniform delays (caps 200, 400, 400, 400 ms) all
  // below 20 ms have a probability under 2e-5: the client does not retry at once.
  assert.ok(total >= 20, `four retries within ${total} ms: no back-off`);
  assert.deepEqual(dataOf(record.events), ['e:1']);
});

test('LP-9.3 on network errors it backs off and recovers', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('network');
  const start = await currentCursor(topic);
  const record = recorder();
  const calls = [];
  const flaky = (url, init) => {
    calls.push(performance.now());
    // What fetch does when the connection is refused or reset: reject with a TypeError.
    return calls.length <= 3 ? Promise.reject(new TypeError('fetch failed (simulated)')) : fetch(url, init);
  };
  await withClient(topic, { ...record, cursor: start, waitSeconds: 5, backoffBaseMs: 100, backoffMaxMs: 200, fetch: flaky }, async () => {
    await until('the client is parked after the failures', async () => (await parked(topic)) === 1);
    await publish(topic, 'e', 1);
    await until('the event is handed over', () => record.events.length >= 1);
  });
  assert.equal(record.errors.length, 3);
  for (const error of record.errors) {
    assert.ok(error instanceof TypeError, `error ${error}`);
  }
  for (let i = 1; i <= 3; i++) {
    const delay = calls[i] - calls[i - 1];
    assert.ok(delay <= Math.min(100 * 2 ** (i - 1), 200) + SLACK, `retry ${i} after ${delay} ms`);
  }
  const seen = await requests(topic);
  assert.equal(seen[0].cursor, start, 'the first request that reached the server continues from the start cursor');
  assert.deepEqual(dataOf(record.events), ['e:1']);
});

test('LP-9.3 a permanent client error (404 unknown topic, 400 malformed cursor) is reported and stops the client', { timeout: TEST_TIMEOUT }, async () => {
  const unknown = `js-undeclared-${RUN}`;
  const record = recorder();
  await withClient(unknown, { ...record, waitSeconds: 5, backoffBaseMs: 20 }, async (client) => {
    await until('the client stops', () => client.closed);
    assert.equal(record.errors.length, 1);
    assert.ok(record.errors[0] instanceof LongPollError);
    assert.equal(record.errors[0].status, 404);
    // A retry would come within the 20 ms back-off; none does.
    await stays('a single request', async () => (await requests(unknown)).length === 1, 1000);
  });

  const topic = await streamTopic('malformed');
  const refused = recorder();
  await withClient(topic, { ...refused, cursor: 'not a cursor!', waitSeconds: 5, backoffBaseMs: 20 }, async (client) => {
    await until('the client stops', () => client.closed);
    assert.deepEqual(refused.errors.map((e) => e.status), [400]);
    await stays('a single request', async () => (await requests(topic)).length === 1, 1000);
  });
});

// ------------------------------------------------------------------ LP-9.4

test('LP-9.4 close() aborts the parked request, the server forgets it, and no further request is made', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('close');
  const start = await currentCursor(topic);
  const record = recorder();
  const outcomes = [];
  const watched = (url, init) => {
    const outcome = { aborted: undefined, settledAt: undefined };
    outcomes.push(outcome);
    init.signal.addEventListener('abort', () => { outcome.aborted = performance.now(); });
    return fetch(url, init).then(
      (response) => response,
      (error) => { outcome.settledAt = performance.now(); outcome.error = error; throw error; });
  };
  const waitSeconds = 3;
  const client = new LongPollClient(EVENTS, topic, { ...record, cursor: start, waitSeconds, backoffBaseMs: 20, fetch: watched });
  try {
    client.start();
    await until('the request is parked', async () => (await parked(topic)) === 1);
    const closedAt = performance.now();
    client.close();
    assert.equal(client.closed, true);
    await until('the fetch is aborted', () => outcomes[0].settledAt !== undefined, SLACK);
    assert.equal(outcomes[0].error.name, 'AbortError');
    assert.ok(outcomes[0].aborted >= closedAt);
    // Containers do not always notice a closed connection at once; at the latest the wait ends it.
    await until('the server no longer counts the parked request',
      async () => (await parked(topic)) === 0, waitSeconds * 1000 * 17 / 16 + 2 * SLACK);
    await publish(topic, 'late', 1);
    await stays('no further request and no event', async () =>
      outcomes.length === 1 && (await requests(topic)).length === 1 && record.events.length === 0, 500);
  } finally {
    client.close();
  }
  assert.deepEqual(record.errors, [], 'closing is not an error');
});

test('LP-9.4 close() during a Retry-After pause sends nothing more', { timeout: TEST_TIMEOUT }, async () => {
  const topic = await streamTopic('close-pause');
  const start = await currentCursor(topic);
  await script(topic, '503:1');
  const record = recorder();
  await withClient(topic, { ...record, cursor: start, waitSeconds: 5 }, async (client) => {
    await until('the 503 is reported', () => record.errors.length >= 1);
    client.close();
    // Without close() the next request would come after about one second.
    await stays('a single request', async () => (await requests(topic)).length === 1, 1500);
  });
});
