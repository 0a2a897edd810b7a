// The roles as lanes: what each one is doing now (or at the chosen step).
import { h } from 'preact';

export function Lanes({ state }) {
  return h('section', { class: 'lanes', 'aria-label': 'Roles' },
    Object.entries(state).map(([role, lane]) => h('div', {
      class: 'lane' + (lane.busy ? ' busy' : '') + (lane.failed ? ' failed' : ''),
      'data-role': role,
    },
    h('h3', null, role),
    h('p', { class: 'doing' }, lane.busy ? lane.action || 'working' : 'idle'),
    lane.busy && lane.effect && h('p', { class: 'effect' }, lane.effect),
    !lane.busy && lane.failed && h('p', { class: 'effect' }, lane.failed))));
}
