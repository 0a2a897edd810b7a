// One step opened in place: a model call's prompt and answer, a file's content, a command with its
// exit code and output, or a message, read from the API's step route.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { Code } from './code.js';
import { clock, cost, count } from './format.js';

function Pre({ text, label }) {
  return h('pre', { class: 'block', tabIndex: 0, 'aria-label': label }, text);
}

function Llm({ result }) {
  return h('div', { class: 'detail-llm' },
    h('dl', { class: 'facts' },
      h('dt', null, 'Tokens'), h('dd', null, count(result.inputTokens) + ' in, ' + count(result.outputTokens) + ' out'),
      h('dt', null, 'Cost'), h('dd', null, cost(result.costUsd)),
      result.latencyMillis !== undefined && [h('dt', null, 'Latency'), h('dd', null, result.latencyMillis + ' ms')],
      result.backend && [h('dt', null, 'Backend'), h('dd', null, result.backend + (result.model ? ' / ' + result.model : ''))]),
    h('h4', null, 'Prompt'), h(Pre, { text: result.prompt, label: 'Prompt' }),
    h('h4', null, 'Answer'), h(Pre, { text: result.text, label: 'Answer' }));
}

function Command({ result }) {
  const green = result.exitCode === 0 && !result.timedOut;
  return h('div', { class: 'detail-exec' },
    h('p', null, h('code', null, (result.command || []).join(' '))),
    h('p', { class: green ? 'green' : 'red' }, result.timedOut ? 'timed out' : 'exit ' + result.exitCode,
      result.durationMillis !== undefined ? ' in ' + result.durationMillis + ' ms' : ''),
    h(Pre, { text: result.output || '', label: 'Output' }));
}

function body(step) {
  const event = step.data || {};
  const result = event.result;
  if (result && result.prompt !== undefined) {
    return h(Llm, { result });
  }
  if (result && result.path !== undefined && result.content !== undefined) {
    return h('div', null, h('p', null, h('code', null, result.path)), h(Code, { path: result.path, text: result.content }));
  }
  if (result && result.exitCode !== undefined) {
    return h(Command, { result });
  }
  const entry = event.entry;
  if (entry && entry.message) {
    return h('div', null, h('p', null, '#' + entry.seq + ' ' + entry.message.type + ' from ' + entry.message.sender),
      h(Pre, { text: entry.message.content, label: 'Message' }));
  }
  return h(Pre, { text: JSON.stringify(event, null, 2), label: 'Event' });
}

export function StepDetail({ runId, number, onClose }) {
  const [step, setStep] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setStep(null);
    get('/api/runs/' + encodeURIComponent(runId) + '/steps/' + number).then(setStep).catch(e => setError(e.message));
  }, [runId, number]);
  return h('section', { class: 'detail', 'aria-label': 'Step ' + number, 'data-step': number },
    h('div', { class: 'detail-head' },
      h('h3', null, 'Step ' + number + (step ? ': ' + [step.role, step.event, step.action, step.key]
        .filter(Boolean).join(' · ') : '')),
      step && h('span', { class: 'muted' }, clock(step.time)),
      h('button', { class: 'close', onClick: onClose, 'aria-label': 'Close step ' + number }, 'Close')),
    error && h('p', { class: 'error', role: 'alert' }, error),
    step && body(step));
}
