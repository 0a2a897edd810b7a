// The model backends of the node's gateway: load against limits, cooldowns, latency, calls, cost.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { cost, count, time } from './format.js';

function limit(value) {
  return value && value > 0 ? String(value) : 'none';
}

export function GatewayPage() {
  const [backends, setBackends] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    const load = () => get('/api/llm/backends')
      .then(result => live && (setBackends(result.backends || result), setError('')))
      .catch(e => live && setError(e.message));
    load();
    const timer = setInterval(load, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return h('section', { 'aria-labelledby': 'gateway-title' },
    h('h1', { id: 'gateway-title' }, 'Gateway'),
    error && h('p', { class: 'error', role: 'alert' }, error),
    backends && backends.length === 0 && h('p', null, 'No model backends are configured on this node.'),
    backends && backends.length > 0 && h('table', { class: 'backends' },
      h('thead', null, h('tr', null, ['Backend', 'In flight', 'Max concurrency', 'RPM', 'TPM', 'Cooldown', 'Latency',
        'Calls', 'Cost'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', null, backends.map(b => h('tr', { key: b.backend, 'data-backend': b.backend },
        h('th', { scope: 'row' }, b.backend, h('div', { class: 'muted' }, (b.models || []).join(', '))),
        h('td', { class: 'num' }, h('meter', { min: 0, max: b.maxConcurrency || 1, value: b.inFlight,
          'aria-label': 'in flight' }), ' ' + b.inFlight + (b.queued ? ' (+' + b.queued + ' queued)' : '')),
        h('td', { class: 'num' }, limit(b.maxConcurrency)),
        h('td', { class: 'num' }, limit(b.rpm)),
        h('td', { class: 'num' }, limit(b.tpm)),
        h('td', null, b.coolingUntil && Date.parse(b.coolingUntil) > Date.now() ? 'until ' + time(Date.parse(b.coolingUntil)) : 'no'),
        h('td', { class: 'num' }, b.latencyMillis ? Math.round(b.latencyMillis) + ' ms' : ''),
        h('td', { class: 'num' }, count(b.calls) + (b.failedCalls ? ' (' + count(b.failedCalls) + ' failed)' : '')),
        h('td', { class: 'num' }, cost(b.costUsd)))))));
}
