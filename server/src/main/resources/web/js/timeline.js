// The run as it happened: the messages between roles (requirement, PRD, design, tasks, code,
// review, tests, bug reports, fixes, delivery) and every step, newest last, growing live.
import { h } from 'preact';
import { clock, cost } from './format.js';
import { messageOf } from './steps.js';

export function Messages({ steps, onOpen }) {
  return h('ol', { class: 'messages', 'aria-label': 'Messages between roles' },
    steps.map(step => {
      const message = messageOf(step);
      return h('li', { key: step.step, class: 'message type-' + message.type.toLowerCase() },
        h('button', { class: 'link', onClick: () => onOpen(step.step), 'aria-label': 'Open message step ' + step.step },
          h('span', { class: 'msg-type' }, message.type),
          h('span', { class: 'msg-from' }, message.sender ? 'from ' + message.sender : ''),
          h('span', { class: 'msg-text' }, message.content.slice(0, 140))));
    }));
}

export function Steps({ steps, hasOlder, onOlder, onOpen, opened }) {
  return h('div', { class: 'steps' },
    hasOlder && h('button', { class: 'older', onClick: onOlder }, 'Earlier steps'),
    h('table', { class: 'timeline' },
      h('thead', null, h('tr', null, ['#', 'Time', 'Role', 'Event', 'Action', 'Effect', 'Cost', 'Summary']
        .map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', null, steps.map(step => h('tr', {
        key: step.step, 'data-step': step.step, class: (opened === step.step ? 'opened ' : '') + 'step-' + step.event,
      },
      h('td', { class: 'num' }, h('button', { class: 'link', onClick: () => onOpen(step.step),
        'aria-label': 'Open step ' + step.step }, step.step)),
      h('td', null, clock(step.time)),
      h('td', null, step.role),
      h('td', null, step.event),
      h('td', null, step.action),
      h('td', null, step.key),
      h('td', { class: 'num' }, step.costUsd ? cost(step.costUsd) : ''),
      h('td', { class: 'summary' }, step.summary))))));
}
