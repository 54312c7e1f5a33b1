/**
 * The prediction HTTP server, on Node's built-in `http` module: two routes and a form or JSON body
 * need no framework, and staying on the standard library keeps the dependency list and the attack
 * surface as small as the API.
 *
 *   GET  /         → one plain-text line saying how to ask
 *   POST /predict  → `bmi=28.45` (form) → `78.8786`;  `{"bmi": 28.45}` (JSON) → `{"bmi":28.45,"lifeExpectancy":78.878…}`
 *
 * Errors: 400 (missing, given twice, not a number, out of range, bad JSON), 404, 405 with `Allow`, 413
 * over 1 KB, 422 when the model's prediction is not a finite number.
 * A body starting with `{` is JSON whatever its Content-Type (curl -d labels everything as a form).
 * Errors answer in JSON (`{"error": "…"}`) when the request was JSON, else as plain text.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorMessage, startsLikeJsonObject } from '../core/text.ts';
import type { Model } from '../core/model/model.ts';
import { formatPlainPrediction, predictApiOf, titleOf, type PredictApi } from './predict-api.ts';
import { jsonAnswerForInputs, predictionForInputs, readInputs } from './several-inputs.ts';
import { readBody } from './request-body.ts';

/** The largest request body read; a prediction request is a few dozen bytes. */
export const MAX_BODY_BYTES = 1024;

export interface PredictServerOptions {
  /** Receives one line per finished request: time, method, path, status, duration. */
  log?: (line: string) => void;
}

interface Route {
  methods: readonly string[];
  handle: (request: IncomingMessage, response: ServerResponse, api: PredictApi) => Promise<void> | void;
}

const ROUTES = new Map<string, Route>([
  ['/', { methods: ['GET', 'HEAD'], handle: (_request, response, api) => sendText(response, 200, titleOf(api)) }],
  ['/predict', { methods: ['POST'], handle: handlePredict }],
]);

export function createPredictServer(model: Model, options: PredictServerOptions = {}): Server {
  const api = predictApiOf(model);
  return createServer((request, response) => {
    const started = performance.now();
    // Only the path routes; a query string is ignored (and never logged, it is the client's business).
    const path = (request.url ?? '/').split('?')[0];
    response.once('close', () => {
      const ms = (performance.now() - started).toFixed(1);
      const aborted = response.writableFinished ? '' : ' (connection closed early)';
      options.log?.(`${new Date().toISOString()} ${request.method} ${path} ${response.statusCode} ${ms} ms${aborted}`);
    });
    route(request, response, path, api).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendText(response, 500, `Internal error: ${errorMessage(error)}`);
    });
  });
}

async function route(request: IncomingMessage, response: ServerResponse, path: string, api: PredictApi): Promise<void> {
  const asJson = isJsonRequest(request);
  const found = ROUTES.get(path);
  if (!found) {
    sendError(response, 404, `Not found: ${path}. Try GET / or POST /predict.`, asJson);
    return;
  }
  if (!found.methods.includes(request.method ?? '')) {
    sendError(response, 405, `${request.method} is not allowed on ${path}; use ${found.methods.join(' or ')}.`, asJson, {
      Allow: found.methods.join(', '),
    });
    return;
  }
  await found.handle(request, response, api);
}

async function handlePredict(request: IncomingMessage, response: ServerResponse, api: PredictApi): Promise<void> {
  const declaredJson = isJsonRequest(request);
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body.ok) {
    if (body.error === 'aborted') return; // The client is gone; nobody to answer.
    // The rest of the body is never read, so the connection cannot be reused: close it.
    sendError(response, 413, `The body is over ${MAX_BODY_BYTES} bytes; a prediction request needs a few.`, declaredJson, {
      Connection: 'close',
    });
    return;
  }
  // `curl -d '{"bmi":28.45}'` sends JSON labelled as a form: the body's shape decides, not only the
  // header. A form body never starts with "{" (a field name would), so no real form is misread.
  const asJson = declaredJson || startsLikeJsonObject(body.text);
  const input = readInputs(body.text, api, asJson);
  if (!input.ok) {
    sendError(response, 400, input.error, asJson);
    return;
  }
  const prediction = predictionForInputs(input.values, api);
  // The model, not the request, is at fault, but the request cannot be answered: 422 with the reason.
  if (!prediction.ok) {
    sendError(response, 422, prediction.error, asJson);
    return;
  }
  if (asJson) sendJson(response, 200, jsonAnswerForInputs(api, input.values, prediction.value));
  else sendText(response, 200, formatPlainPrediction(prediction.value));
}

/**
 * JSON when the header says it is (`application/json`, or any `…+json` type). A body that starts with
 * `{` is read as JSON too (see handlePredict); anything else is read as a form.
 */
function isJsonRequest(request: IncomingMessage): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

type Headers = Record<string, string>;

function sendText(response: ServerResponse, status: number, text: string, headers: Headers = {}): void {
  send(response, status, 'text/plain; charset=utf-8', `${text}\n`, headers);
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Headers = {}): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`, headers);
}

function sendError(response: ServerResponse, status: number, message: string, asJson: boolean, headers: Headers = {}): void {
  if (asJson) sendJson(response, status, { error: message }, headers);
  else sendText(response, status, message, headers);
}

function send(response: ServerResponse, status: number, contentType: string, body: string, headers: Headers): void {
  // nosniff: a browser must take the answer as the type it says, never guess HTML or script from it.
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(body);
}
