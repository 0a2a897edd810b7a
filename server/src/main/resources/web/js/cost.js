// What the run spent: tokens and dollars by role and by model, and what is left of its budget.
import { h } from 'preact';
import { cost, count } from './format.js';

function Table({ title, rows }) {
  return h('table', { class: 'cost', 'aria-label': title },
    h('caption', null, title),
    h('thead', null, h('tr', null, ['', 'Model calls', 'Tokens', 'Cost'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', null, Object.entries(rows || {}).map(([name, usage]) => h('tr', { key: name },
      h('th', { scope: 'row' }, name), h('td', { class: 'num' }, count(usage.modelCalls)),
      h('td', { class: 'num' }, count(usage.tokens)), h('td', { class: 'num' }, cost(usage.costUsd))))));
}

export function Cost({ detail }) {
  const usage = detail.run.usage || {};
  const budget = detail.budgetUsd || 0;
  return h('div', { class: 'costs' },
    h('p', null, count(usage.modelCalls) + ' model calls, ' + count(usage.tokens) + ' tokens, ' + cost(usage.costUsd)
      + (budget > 0 ? ' of a budget of ' + cost(budget) + ': ' + cost(Math.max(0, budget - (usage.costUsd || 0)))
        + ' left' : ' (no budget limit)')),
    h(Table, { title: 'By role', rows: detail.usageByRole }),
    h(Table, { title: 'By model', rows: detail.usageByModel }));
}
