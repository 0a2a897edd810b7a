// The workspace as the journal describes it (now, or at the chosen step): the tree, a file's
// content, its versions by step, and the difference between any two of them.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { Code } from './code.js';
import { DiffView } from './diff.js';
import { bytes } from './format.js';

function fileUrl(runId, path, at) {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return '/api/runs/' + encodeURIComponent(runId) + '/files/' + encoded + (at ? '?at=' + at : '');
}

function Versions({ runId, file, at }) {
  const versions = (file.versions || []).filter(v => !at || v.step <= at);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [texts, setTexts] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (versions.length >= 2) {
      setFrom(String(versions[versions.length - 2].step));
      setTo(String(versions[versions.length - 1].step));
    }
    setTexts(null);
  }, [file.path, versions.length]);
  if (versions.length < 2) {
    return h('p', { class: 'muted' }, versions.length === 1 ? 'One version, written at step ' + versions[0].step + '.' : '');
  }
  const compare = async () => {
    try {
      setError('');
      const [before, after] = (await Promise.all([get(fileUrl(runId, file.path, from)),
        get(fileUrl(runId, file.path, to))])).map(version => version.content);
      setTexts({ before, after, from, to });
    } catch (e) {
      setError(e.message);
    }
  };
  const option = v => h('option', { value: String(v.step) }, 'step ' + v.step + (v.role ? ' (' + v.role + ')' : ''));
  return h('div', { class: 'versions' },
    h('h4', null, versions.length + ' versions'),
    h('div', { class: 'row' },
      h('label', { for: 'diff-from' }, 'From'), h('select', { id: 'diff-from', value: from,
        onChange: e => setFrom(e.target.value) }, versions.map(option)),
      h('label', { for: 'diff-to' }, 'To'), h('select', { id: 'diff-to', value: to,
        onChange: e => setTo(e.target.value) }, versions.map(option)),
      h('button', { onClick: compare }, 'Show difference')),
    error && h('p', { class: 'error', role: 'alert' }, error),
    texts && h(DiffView, { before: texts.before, after: texts.after,
      label: 'Difference of ' + file.path + ' from step ' + texts.from + ' to step ' + texts.to }));
}

export function Files({ runId, at, refresh }) {
  const [tree, setTree] = useState([]);
  const [selected, setSelected] = useState('');
  const [content, setContent] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get('/api/runs/' + encodeURIComponent(runId) + '/files' + (at ? '?at=' + at : ''))
      .then(result => setTree(result.files || result))
      .catch(e => setError(e.message));
  }, [runId, at, refresh]);
  const file = tree.find(f => f.path === selected);
  useEffect(() => {
    if (!selected) {
      return;
    }
    if (!file) {
      setContent(null);
      return;
    }
    get(fileUrl(runId, selected, at)).then(version => setContent(version.content)).catch(e => setError(e.message));
  }, [runId, selected, at, file && file.step]);
  return h('div', { class: 'files' },
    error && h('p', { class: 'error', role: 'alert' }, error),
    h('ul', { class: 'tree', 'aria-label': 'Workspace files' }, tree.map(f => h('li', { key: f.path },
      h('button', { class: 'link' + (f.path === selected ? ' selected' : ''), 'data-path': f.path,
        'aria-current': f.path === selected ? 'true' : undefined, onClick: () => setSelected(f.path) }, f.path),
      h('span', { class: 'muted' }, ' ' + bytes(f.size) + ' · step ' + f.step + (f.role ? ' · ' + f.role : ''))))),
    h('div', { class: 'file-view' },
      !selected && h('p', { class: 'muted' }, tree.length ? 'Choose a file.' : 'No files yet.'),
      selected && !file && h('p', { class: 'muted' }, selected + ' did not exist at this step.'),
      file && content !== null && [h('h3', null, file.path), h(Code, { path: file.path, text: content }),
        h(Versions, { runId, file, at })]));
}

export { fileUrl };
