// The page's only way to the node: the public JSON API and its event streams, with the token if the
// node asks for one. Everything the page does can be done with curl against the same routes.

const TOKEN_KEY = 'sf-api-token';

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

const listeners = new Set();

/** Called with no argument when the node answers 401: the page asks for a token once. */
export function onUnauthorized(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function headers(extra) {
  const all = { Accept: 'application/json', ...extra };
  if (token()) {
    all.Authorization = 'Bearer ' + token();
  }
  return all;
}

async function failure(response) {
  let code = 'http_' + response.status;
  let message = response.statusText || 'request failed';
  let field;
  try {
    const body = await response.json();
    if (body && body.error) {
      code = body.error.code || code;
      message = body.error.message || message;
      field = body.error.field;
    }
  } catch (ignored) {
    // not JSON: keep the status line
  }
  if (response.status === 401) {
    listeners.forEach(l => l());
  }
  return new ApiError(response.status, code, message, field);
}

export async function get(path, signal) {
  const response = await fetch(path, { headers: headers(), signal });
  if (!response.ok) {
    throw await failure(response);
  }
  return response.json();
}

export async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body || {}),
  });
  if (!response.ok) {
    throw await failure(response);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

/** Downloads a protected file with the token, then hands it to the browser as a download. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: headers({ Accept: '*/*' }) });
  if (!response.ok) {
    throw await failure(response);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Follows a server-sent event stream with fetch (EventSource cannot send the token). Reconnects
 * after a drop with Last-Event-ID, so no event is missed or seen twice. Returns a stop function.
 */
export function follow(path, lastEventId, onEvent, onEnd) {
  const controller = new AbortController();
  let last = lastEventId;
  let stopped = false;
  const stop = () => {
    stopped = true;
    controller.abort();
  };
  const connect = async () => {
    while (!stopped) {
      try {
        const extra = { Accept: 'text/event-stream' };
        if (last !== undefined && last !== null && last !== '') {
          extra['Last-Event-ID'] = String(last);
        }
        const response = await fetch(path, { headers: headers(extra), signal: controller.signal });
        if (!response.ok) {
          throw await failure(response);
        }
        const ended = await readEvents(response.body, event => {
          if (event.id !== undefined) {
            last = event.id;
          }
          return onEvent(event);
        });
        if (ended) {
          stopped = true;
          if (onEnd) {
            onEnd();
          }
          return;
        }
      } catch (e) {
        if (stopped || (e instanceof ApiError && e.status < 500)) {
          return;
        }
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  };
  connect();
  return stop;
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return false;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = parseBlock(block);
      if (event && onEvent(event) === 'end') {
        reader.cancel();
        return true;
      }
    }
  }
}

function parseBlock(block) {
  const event = { type: 'message', data: '' };
  let data = [];
  for (const line of block.split('\n')) {
    if (!line || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'data') {
      data.push(value);
    } else if (name === 'event') {
      event.type = value;
    } else if (name === 'id') {
      event.id = value;
    }
  }
  if (data.length === 0) {
    return null;
  }
  event.data = data.join('\n');
  return event;
}
