#!/usr/bin/env node
'use strict';
// Reference subscriber of the Koperasi platform (see README.md): keeps, from the Registry's
// integration events alone, the count of koperasi per regency and activity on any date, starts late
// through the replay to one subscriber, dedupes the overlap with the live flow by message id, and
// answers its table on loopback: GET /table?asOf=YYYY-MM-DD.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const amqp = require('amqplib');
const { Register, CONTRACTS } = require('./register.js');

const env = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') {
    if (fallback === undefined) {
      throw new Error(`set ${name} (see README.md)`);
    }
    return fallback;
  }
  return value;
};

const name = env('KOPERASI_SUBSCRIBER_NAME'); // the broker user from deploy/subscriber.sh add <name>
const prefix = env('KOPERASI_ENTITY_PREFIX', ''); // only the platform's own tests prefix the broker's names
const entity = (n) => (prefix ? `${prefix}.${n}` : n);
const config = {
  amqpUrl: env('KOPERASI_AMQP_URL'), // amqp://<name>:<password>@host:5672/koperasi
  queue: entity(env('KOPERASI_QUEUE', `${name}-regency-activity`)),
  replayExchange: entity('koperasi:registry:replay'),
  registryUrl: env('KOPERASI_REGISTRY_URL', ''), // the gateway (or the Registry): to ask the replay
  token: env('KOPERASI_TOKEN', ''), // a token of role service whose name is <name>
  stateFile: path.resolve(env('KOPERASI_STATE_FILE', 'state.json')),
  httpPort: Number(env('KOPERASI_HTTP_PORT', '0')),
};

function loadState() {
  try {
    return JSON.parse(fs.readFileSync(config.stateFile, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') {
      return null;
    }
    throw error;
  }
}

// Written to a temporary file and renamed, so a crash never leaves half a state.
function saveState(register) {
  const temporary = `${config.stateFile}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(register));
  fs.renameSync(temporary, config.stateFile);
}

async function api(method, url, body) {
  const response = await fetch(new URL(url, config.registryUrl), {
    method,
    headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text);
}

/** Reads one delivery: the MassTransit envelope, its message id, contract and position. */
function read(delivery) {
  const envelope = JSON.parse(delivery.content.toString('utf8'));
  const urn = (envelope.messageType || [])[0] || '';
  const headers = envelope.headers || {};
  return {
    messageId: envelope.messageId || delivery.properties.messageId,
    contract: urn.replace(/^urn:message:/, ''),
    message: envelope.message,
    sequence: Number(headers['koperasi-sequence'] ?? (delivery.properties.headers || {})['koperasi-sequence']),
  };
}

async function main() {
  const register = new Register(loadState());
  const connection = await amqp.connect(config.amqpUrl);
  const channel = await connection.createChannel();
  await channel.prefetch(500);

  // 1. The queue, bound to the contracts first: the live flow accumulates from now on.
  await channel.assertQueue(config.queue, { durable: true });
  for (const contract of CONTRACTS) {
    await channel.bindQueue(config.queue, entity(contract), '');
  }
  // Replays come through the Registry's replay exchange, routed by the queue's own name.
  await channel.bindQueue(config.queue, config.replayExchange, config.queue);

  // 2. Apply each message once; persist, then acknowledge (at least once, deduped by message id).
  let pending = null;
  let unsaved = false;
  await channel.consume(config.queue, (delivery) => {
    if (delivery === null) {
      return;
    }
    try {
      const { messageId, contract, message, sequence } = read(delivery);
      register.apply(messageId, contract, message, sequence);
      unsaved = true;
      pending = delivery;
    } catch (error) {
      console.error(`unreadable message, dropped: ${error.message}`);
      channel.nack(delivery, false, false);
    }
  });
  const flush = () => {
    if (unsaved) {
      saveState(register);
      unsaved = false;
    }
    if (pending) {
      channel.ack(pending, true);
      pending = null;
    }
  };
  const flusher = setInterval(flush, 200);

  // 3. Started late (nothing kept yet): ask the Registry for its history, to this queue only.
  if (!register.replay && config.registryUrl) {
    const asked = await api('POST', '/api/registry/subscriber-replays', { queue: config.queue, fromSequence: 0, contracts: CONTRACTS });
    register.replay = { id: asked.id, status: asked.status, published: asked.published, total: asked.total };
    saveState(register);
    console.log(`replay ${asked.id} asked: ${asked.total} events up to sequence ${asked.upToSequence}`);
  }
  const follow = async () => {
    if (register.replay && register.replay.status === 'running' && config.registryUrl) {
      try {
        const progress = await api('GET', `/api/registry/subscriber-replays/${register.replay.id}`);
        register.replay = { id: progress.id, status: progress.status, published: progress.published, total: progress.total, problem: progress.problem };
        unsaved = true;
      } catch (error) {
        console.error(`replay progress: ${error.message}`);
      }
    }
  };
  const follower = setInterval(follow, 500);

  // 4. The table on loopback.
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/table') {
      const asOf = url.searchParams.get('asOf') || new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
        return reply(400, { title: 'Bad request', status: 400, detail: 'asOf: a date, YYYY-MM-DD.' });
      }
      return reply(200, { asOf, rows: register.tableOn(asOf) });
    }
    if (url.pathname === '/status') {
      return reply(200, {
        applied: register.seen.size,
        cooperatives: Object.keys(register.cooperatives).length,
        highestSequence: register.highestSequence,
        replay: register.replay,
      });
    }
    return reply(404, { title: 'Not found', status: 404, detail: 'GET /table?asOf=YYYY-MM-DD or GET /status.' });
  });
  server.listen(config.httpPort, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
  });

  const stop = async () => {
    clearInterval(flusher);
    clearInterval(follower);
    server.close();
    flush();
    await channel.close().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// A query of the state file without the broker: node subscriber.js table 2025-12-31
if (process.argv[2] === 'table') {
  const register = new Register(loadState());
  console.log(JSON.stringify(register.tableOn(process.argv[3] || new Date().toISOString().slice(0, 10)), null, 2));
} else {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
