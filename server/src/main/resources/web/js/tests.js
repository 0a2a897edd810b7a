// Each check and test run, red or green, with its output; the bug reports and the fixes after them.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { StepDetail } from './detail.js';
import { messageOf } from './steps.js';

const REPORTS = new Set(['TestReport', 'BugReport', 'CodeChange']);

function green(step) {
  return /\bexit 0\b/.test(step.summary) && !/timed out/.test(step.summary);
}

export function Tests({ runId, commands, messages }) {
  const [opened, setOpened] = useState(0);
  const reports = messages.filter(step => REPORTS.has(messageOf(step).type)
    && (messageOf(step).type !== 'CodeChange' || /^FIXED/.test(messageOf(step).content)));
  return h('div', { class: 'tests' },
    h('h3', null, 'Commands'),
    commands.length === 0 && h('p', { class: 'muted' }, 'No command has run yet.'),
    h('ol', { class: 'test-runs' }, commands.map(step => h('li', { key: step.step,
      class: green(step) ? 'green' : 'red', 'data-step': step.step },
    h('button', { class: 'link', onClick: () => setOpened(opened === step.step ? 0 : step.step) },
      (green(step) ? 'green' : 'red') + ' · step ' + step.step + ' · ' + step.role + ' · ' + step.key),
    h('span', { class: 'muted' }, ' ' + step.summary),
    opened === step.step && h(StepDetail, { runId, number: step.step, onClose: () => setOpened(0) })))),
    h('h3', null, 'Reports and fixes'),
    reports.length === 0 && h('p', { class: 'muted' }, 'No test report yet.'),
    h('ol', { class: 'reports' }, reports.map(step => {
      const message = messageOf(step);
      return h('li', { key: step.step, class: 'type-' + message.type.toLowerCase() },
        h('strong', null, message.type), ' from ' + message.sender + ' (step ' + step.step + ')',
        h('pre', { class: 'block' }, message.content));
    })));
}
