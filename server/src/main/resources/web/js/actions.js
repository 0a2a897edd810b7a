// Steering a run: cancel, resume, rerun (the digest comparison shows on the rerun's page), and
// downloads of its workspace and its dataset.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { download, post } from './api.js';
import { Link, navigate } from './app.js';

export function RunActions({ detail, onChanged }) {
  const run = detail.run;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const base = '/api/runs/' + encodeURIComponent(run.id);
  const act = async (name, then) => {
    setBusy(name);
    setError('');
    try {
      const result = await post(base + '/' + name, {});
      then(result);
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy('');
    }
  };
  const running = run.status === 'RUNNING';
  const button = (name, label, enabled, then) => h('button', { disabled: !enabled || busy !== '',
    onClick: () => act(name, then) }, busy === name ? label + '...' : label);
  return h('div', { class: 'run-actions' },
    button('cancel', 'Cancel', running, onChanged),
    button('resume', 'Resume', run.status === 'UNFINISHED', onChanged),
    button('rerun', 'Rerun', !running, result => navigate('/runs/' + encodeURIComponent(result.id))),
    h('button', { onClick: () => download(base + '/workspace.zip', run.id + '.zip').catch(e => setError(e.message)) },
      'Workspace zip'),
    h('button', { onClick: () => download(base + '/dataset.jsonl', run.id + '.jsonl').catch(e => setError(e.message)) },
      'Dataset'),
    detail.replay && h('span', { class: 'muted' }, (detail.replay.liveAfter ? 'fork of run ' : 'rerun of run '),
      h(Link, { href: '/runs/' + encodeURIComponent(detail.replay.runId) }, detail.replay.runId),
      detail.replay.liveAfter ? ' at step ' + detail.replay.lastServedStep : ''),
    detail.digest && h(Digest, { digest: detail.digest }),
    error && h('p', { class: 'error', role: 'alert' }, error));
}

/** A rerun's workspace beside its source's: equal digests mean the journal rebuilt it byte for byte. */
function Digest({ digest }) {
  const same = digest.source === digest.rerun;
  return h('p', { class: 'digest ' + (same ? 'green' : 'red') },
    'workspace digest ' + digest.rerun + (same ? ' = ' : ' ≠ ') + 'source ' + digest.source);
}
