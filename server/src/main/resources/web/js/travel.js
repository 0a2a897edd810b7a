// Time travel: a slider over the run's steps. Left of live, the page shows the workspace, the
// documents, the messages and the roles as they were at that step, and can fork a new run there.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, post } from './api.js';
import { navigate } from './app.js';
import { ModelChoice, modelOptions } from './model.js';

export function TimeTravel({ runId, last, at, onMove, running }) {
  const [model, setModel] = useState({ llm: '' });
  const [aliases, setAliases] = useState([]);
  const [error, setError] = useState('');
  useEffect(() => {
    get('/v1/models').then(list => setAliases((list.data || []).map(m => m.id))).catch(() => setAliases([]));
  }, []);
  if (last < 1) {
    return null;
  }
  const value = at || last;
  const fork = async () => {
    setError('');
    try {
      const created = await post('/api/runs/' + encodeURIComponent(runId) + '/fork', { at: value, ...modelOptions(model) });
      navigate('/runs/' + encodeURIComponent(created.id));
    } catch (e) {
      setError(e.message);
    }
  };
  return h('section', { class: 'travel', 'aria-label': 'Time travel' },
    h('label', { for: 'travel-step' }, at ? 'At step ' + at + ' of ' + last : 'Live: step ' + last),
    h('input', { id: 'travel-step', type: 'range', min: 1, max: last, value,
      onInput: e => onMove(Number(e.target.value) >= last ? 0 : Number(e.target.value)) }),
    at > 0 && h('button', { onClick: () => onMove(0) }, 'Back to live'),
    !running && h('details', { class: 'fork' },
      h('summary', null, 'Fork from step ' + value),
      h(ModelChoice, { aliases, value: model, onChange: setModel, idPrefix: 'fork', emptyLabel: 'the run\'s model' }),
      h('button', { onClick: fork, class: 'fork-button' }, 'Fork from step ' + value),
      error && h('p', { class: 'error', role: 'alert' }, error)));
}
