/**
 * The prediction HTTP server, on Node's built-in `http` module: four routes and a form or JSON body
 * need no framework, and staying on the standard library keeps the dependency list and the attack
 * surface as small as the API.
 *
 *   GET  /         → one plain-text line saying how to ask
 *   POST /predict  → `bmi=28.45` (form) → `78.8786`;  `{"bmi": 28.45}` (JSON) → `{"bmi":28.45,"lifeExpectancy":78.878…}`
 *   GET  /model    → the model answering now (JSON: columns, training, content hash, when loaded)
 *   GET  /healthz  → 200 `ok` while a model is loaded
 *
 * Every answer carries the content hash of the model that made it in `X-Model`; a request reads the
 * slot's model once, so a model swapped in meanwhile answers the next request, never half of this one.
 * Errors: 400 (missing, given twice, not a number, out of range, bad JSON), 404, 405 with `Allow`, 413
 * over 1 KB, 422 when the model's prediction is not a finite number.
 * A body starting with `{` is JSON whatever its Content-Type (curl -d labels everything as a form).
 * Errors answer in JSON (`{"error": "…"}`) when the request was JSON, else as plain text.
 *
 * The request path is written for speed (the bench holds it to a bare `http` server's pace): no
 * per-request promises or named closures, one header object per answer, and the log line made only
 * when there is a log.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorMessage, startsLikeJsonObject } from '../core/text.ts';
import type { Model } from '../core/model/model.ts';
import { formatPlainPrediction, titleOf } from './predict-api.ts';
import { jsonAnswerForInputs, predictionForInputs, readInputs } from './several-inputs.ts';
import { ModelSlot, serveModel, type ServedModel } from './served-model.ts';

/** The largest request body read; a prediction request is a few dozen bytes. */
export const MAX_BODY_BYTES = 1024;

export interface PredictServerOptions {
  /** Receives one line per finished request: time, method, path, status, duration. */
  log?: (line: string) => void;
}

interface ServerState {
  readonly slot: ModelSlot;
  readonly log: ((line: string) => void) | undefined;
  /** Set when the server is shutting down: every answer from then on closes its connection. */
  draining: boolean;
}

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

type Handler = (exchange: Exchange) => void;

const ROUTES = new Map<string, { methods: readonly string[]; handle: Handler }>([
  ['/', { methods: ['GET', 'HEAD'], handle: (exchange) => exchange.send(200, TEXT, `${titleOf(exchange.served.api)}\n`) }],
  ['/predict', { methods: ['POST'], handle: readPredictBody }],
  ['/model', { methods: ['GET', 'HEAD'], handle: (exchange) => exchange.send(200, JSON_TYPE, exchange.served.description) }],
  // A server without a model never listens (serve refuses to start), so a listening one is healthy.
  ['/healthz', { methods: ['GET', 'HEAD'], handle: (exchange) => exchange.send(200, TEXT, 'ok\n') }],
]);

const states = new WeakMap<Server, ServerState>();

/**
 * A server answering with `source`: a slot whose model can be replaced while it serves, or one model
 * (whose hash is then that of its JSON, as no file was read).
 */
export function createPredictServer(source: Model | ModelSlot, options: PredictServerOptions = {}): Server {
  const state: ServerState = { slot: source instanceof ModelSlot ? source : slotOf(source), log: options.log, draining: false };
  const server = createServer((request, response) => {
    const exchange = new Exchange(request, response, state);
    try {
      route(exchange);
    } catch (error) {
      exchange.fail(error);
    }
  });
  states.set(server, state);
  return server;
}

function slotOf(model: Model): ModelSlot {
  const outcome = serveModel(model, JSON.stringify(model));
  if (!outcome.ok) throw new Error(outcome.error);
  return new ModelSlot(outcome.served);
}

/** From now on every answer of `server` says `Connection: close` and closes its connection. */
export function drainPredictServer(server: Server): void {
  const state = states.get(server);
  if (state) state.draining = true;
}

/** One request and its answer, with the model read for it. */
class Exchange {
  readonly served: ServedModel;
  readonly path: string;
  private readonly started: number;
  asJson = false;
  answered = false;

  constructor(
    readonly request: IncomingMessage,
    readonly response: ServerResponse,
    private readonly state: ServerState,
  ) {
    this.served = state.slot.current;
    this.started = state.log ? performance.now() : 0;
    // Only the path routes; a query string is ignored (and never logged, it is the client's business).
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    this.path = query === -1 ? url : url.slice(0, query);
  }

  send(status: number, contentType: string, body: string, extra?: Record<string, string>): void {
    if (this.answered) return;
    this.answered = true;
    // nosniff: a browser must take the answer as the type it says, never guess HTML or script from it.
    const headers: Record<string, string | number> = {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
      'X-Content-Type-Options': 'nosniff',
      'X-Model': this.served.hash,
    };
    if (extra) Object.assign(headers, extra);
    if (this.state.draining) headers.Connection = 'close';
    this.response.writeHead(status, headers);
    this.response.end(body);
    this.logLine(status, '');
  }

  sendError(status: number, message: string, extra?: Record<string, string>): void {
    if (this.asJson) this.send(status, JSON_TYPE, `${JSON.stringify({ error: message })}\n`, extra);
    else this.send(status, TEXT, `${message}\n`, extra);
  }

  /** A bug while answering: a 500 with its message, or a cut connection when the answer had begun. */
  fail(error: unknown): void {
    if (this.response.headersSent) {
      this.response.destroy();
      this.logLine(this.response.statusCode, ' (failed while answering)');
    } else {
      this.answered = false;
      this.send(500, TEXT, `Internal error: ${errorMessage(error)}\n`);
    }
  }

  /** The client went away before its answer. */
  aborted(): void {
    if (this.answered) return;
    this.answered = true;
    this.logLine(this.response.statusCode, ' (connection closed early)');
  }

  private logLine(status: number, note: string): void {
    if (!this.state.log) return;
    const ms = (performance.now() - this.started).toFixed(1);
    this.state.log(`${isoNow()} ${this.request.method} ${this.path} ${status} ${ms} ms${note}`);
  }
}

let isoMs = -1;
let isoText = '';

/** The time as ISO 8601, made once per millisecond: a busy server logs many requests in each. */
function isoNow(): string {
  const now = Date.now();
  if (now !== isoMs) {
    isoMs = now;
    isoText = new Date(now).toISOString();
  }
  return isoText;
}

function route(exchange: Exchange): void {
  const { request, path } = exchange;
  exchange.asJson = isJsonRequest(request);
  const found = ROUTES.get(path);
  if (!found) {
    exchange.sendError(404, `Not found: ${path}. Try GET / or POST /predict.`);
    return;
  }
  const method = request.method ?? '';
  if (!found.methods.includes(method)) {
    exchange.sendError(405, `${method} is not allowed on ${path}; use ${found.methods.join(' or ')}.`, {
      Allow: found.methods.join(', '),
    });
    return;
  }
  found.handle(exchange);
}

/**
 * Reads the body up to MAX_BODY_BYTES, then answers. A declared or streamed body over the limit is
 * answered 413 without reading further, and its connection closed: a client cannot make the server
 * buffer megabytes.
 */
function readPredictBody(exchange: Exchange): void {
  const { request } = exchange;
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) {
    tooLarge(exchange);
    return;
  }
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    if (exchange.answered) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      request.pause();
      tooLarge(exchange);
    } else if (first === undefined) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  request.on('end', () => {
    if (exchange.answered) return;
    const body = more ? Buffer.concat(more) : first;
    try {
      answerPrediction(exchange, body ? body.toString('utf8') : '');
    } catch (error) {
      exchange.fail(error);
    }
  });
  request.on('close', () => {
    if (!request.complete) exchange.aborted();
  });
}

function tooLarge(exchange: Exchange): void {
  // The rest of the body is never read, so the connection cannot be reused: close it.
  exchange.sendError(413, `The body is over ${MAX_BODY_BYTES} bytes; a prediction request needs a few.`, { Connection: 'close' });
}

function answerPrediction(exchange: Exchange, body: string): void {
  const { api } = exchange.served;
  // `curl -d '{"bmi":28.45}'` sends JSON labelled as a form: the body's shape decides, not only the
  // header. A form body never starts with "{" (a field name would), so no real form is misread.
  if (!exchange.asJson && body.length > 0 && startsLikeJsonObject(body)) exchange.asJson = true;
  const input = readInputs(body, api, exchange.asJson);
  if (!input.ok) {
    exchange.sendError(400, input.error);
    return;
  }
  const prediction = predictionForInputs(input.values, api);
  // The model, not the request, is at fault, but the request cannot be answered: 422 with the reason.
  if (!prediction.ok) {
    exchange.sendError(422, prediction.error);
    return;
  }
  if (exchange.asJson) exchange.send(200, JSON_TYPE, `${JSON.stringify(jsonAnswerForInputs(api, input.values, prediction.value))}\n`);
  else exchange.send(200, TEXT, `${formatPlainPrediction(prediction.value)}\n`);
}

/**
 * JSON when the header says it is (`application/json`, or any `…+json` type). A body that starts with
 * `{` is read as JSON too (see answerPrediction); anything else is read as a form.
 */
function isJsonRequest(request: IncomingMessage): boolean {
  const header = request.headers['content-type'];
  if (header === undefined) return false;
  const type = header.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}
