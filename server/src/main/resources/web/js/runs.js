// Every run of the node: status, requirement, duration, calls, tokens, cost and why it ended;
// filtered by status and paged on the server, so a thousand runs read as fast as ten.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { Link } from './app.js';
import { Status, cost, count, duration, time } from './format.js';

const STATUSES = ['', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'UNFINISHED'];
const PAGE = 25;

export function RunsPage() {
  const [status, setStatus] = useState(new URLSearchParams(location.search).get('status') || '');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const query = new URLSearchParams({ offset, limit: PAGE });
        if (status) {
          query.set('status', status);
        }
        const result = await get('/api/runs?' + query);
        if (live) {
          setPage(result);
          setError('');
        }
      } catch (e) {
        if (live) {
          setError(e.message);
        }
      }
    };
    load();
    const timer = setInterval(load, 2000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [status, offset]);
  const runs = page ? page.runs : [];
  const total = page ? page.total : 0;
  return h('section', { 'aria-labelledby': 'runs-title' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'runs-title' }, 'Runs'),
      h('label', { for: 'status-filter' }, 'Status'),
      h('select', { id: 'status-filter', value: status, onChange: e => {
        setStatus(e.target.value);
        setOffset(0);
      } }, STATUSES.map(s => h('option', { value: s }, s || 'all'))),
      h(Link, { href: '/new', class: 'button' }, 'New run')),
    error && h('p', { class: 'error', role: 'alert' }, error),
    h('table', { class: 'runs' },
      h('thead', null, h('tr', null, ['Status', 'Requirement', 'Started', 'Duration', 'Model calls', 'Tokens',
        'Cost', 'Why it ended'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', null, runs.map(run => h('tr', { key: run.id, 'data-run': run.id },
        h('td', null, h(Status, { value: run.status })),
        h('td', { class: 'requirement' }, h(Link, { href: '/runs/' + encodeURIComponent(run.id) },
          run.requirement || run.id)),
        h('td', null, time(run.startedAt)),
        h('td', null, duration(run.durationSeconds * 1000)),
        h('td', { class: 'num' }, count(run.usage.modelCalls)),
        h('td', { class: 'num' }, count(run.usage.tokens)),
        h('td', { class: 'num' }, cost(run.usage.costUsd)),
        h('td', { class: 'reason' }, run.reason || ''))))),
    page && runs.length === 0 && h('p', null, status ? 'No ' + status + ' runs.' : 'No runs yet: start one.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { disabled: offset === 0, onClick: () => setOffset(Math.max(0, offset - PAGE)) }, 'Newer'),
      h('span', null, total === 0 ? '' : (offset + 1) + '-' + Math.min(total, offset + PAGE) + ' of ' + total),
      h('button', { disabled: offset + PAGE >= total, onClick: () => setOffset(offset + PAGE) }, 'Older')));
}
