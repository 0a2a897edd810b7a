// A new run: the requirement in any language, the model (an alias of the node's gateway, the
// scripted demo, or any OpenAI-compatible server), the round limit and the budget. The node's own
// validation speaks: its error is shown beside the field it concerns.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get, post } from './api.js';
import { navigate } from './app.js';
import { ModelChoice, modelOptions } from './model.js';

function Field({ id, label, error, children, hint }) {
  return h('div', { class: 'field' + (error ? ' invalid' : '') },
    h('label', { for: id }, label),
    children,
    hint && h('small', { id: id + '-hint' }, hint),
    error && h('p', { class: 'field-error', id: id + '-error', role: 'alert' }, error));
}

/** Which field a node error concerns: the one it names, or the one its message talks about. */
function fieldOf(error) {
  if (error.field) {
    return error.field;
  }
  const text = (error.code + ' ' + error.message).toLowerCase();
  for (const [field, words] of [['requirement', ['requirement']], ['nRound', ['round']],
    ['investment', ['investment', 'budget']], ['llmBaseUrl', ['base url', 'base-url', 'baseurl']],
    ['llmModel', ['model name', 'llm-model']], ['llm', ['model', 'llm', 'alias']]]) {
    if (words.some(w => text.includes(w))) {
      return field;
    }
  }
  return 'form';
}

export function NewRunPage() {
  const [requirement, setRequirement] = useState('');
  const [model, setModel] = useState({ llm: '' });
  const [nRound, setNRound] = useState('50');
  const [investment, setInvestment] = useState('0');
  const [errors, setErrors] = useState({});
  const [aliases, setAliases] = useState([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    get('/v1/models').then(list => setAliases((list.data || []).map(m => m.id))).catch(() => setAliases([]));
  }, []);
  const submit = async event => {
    event.preventDefault();
    const local = {};
    if (!requirement.trim()) {
      local.requirement = 'Write what the software should do.';
    }
    if (!/^\d+$/.test(nRound) || Number(nRound) < 1) {
      local.nRound = 'A whole number of rounds, 1 or more.';
    }
    if (!/^\d+(\.\d+)?$/.test(investment)) {
      local.investment = 'US dollars, e.g. 2.5 (0 means no limit).';
    }
    setErrors(local);
    if (Object.keys(local).length > 0) {
      return;
    }
    setBusy(true);
    try {
      const body = { requirement, nRound: Number(nRound), investment: Number(investment), ...modelOptions(model) };
      const created = await post('/api/runs', body);
      navigate('/runs/' + encodeURIComponent(created.id));
    } catch (e) {
      setErrors({ [fieldOf(e)]: e.message });
    } finally {
      setBusy(false);
    }
  };
  const described = id => errors[id] ? id + '-error' : undefined;
  return h('section', { 'aria-labelledby': 'new-title' },
    h('h1', { id: 'new-title' }, 'New run'),
    h('form', { class: 'new-run', onSubmit: submit, noValidate: true },
      h(Field, { id: 'requirement', label: 'Requirement', error: errors.requirement },
        h('textarea', { id: 'requirement', rows: 6, value: requirement, 'aria-describedby': described('requirement'),
          placeholder: 'Write a command-line tool that counts word frequencies in a text file',
          onInput: e => setRequirement(e.target.value) })),
      h(ModelChoice, { aliases, value: model, onChange: setModel, errors, idPrefix: 'new' }),
      h('div', { class: 'row' },
        h(Field, { id: 'nRound', label: 'Round limit', error: errors.nRound, hint: 'actions all roles may run' },
          h('input', { id: 'nRound', inputmode: 'numeric', value: nRound, 'aria-describedby': described('nRound'),
            onInput: e => setNRound(e.target.value.trim()) })),
        h(Field, { id: 'investment', label: 'Budget (USD)', error: errors.investment, hint: '0: no limit' },
          h('input', { id: 'investment', inputmode: 'decimal', value: investment,
            'aria-describedby': described('investment'), onInput: e => setInvestment(e.target.value.trim()) }))),
      errors.form && h('p', { class: 'error', role: 'alert' }, errors.form),
      h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: busy }, busy ? 'Starting...' : 'Start run'))));
}

export { Field };
