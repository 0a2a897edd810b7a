// The difference between two versions of a file, line by line (jsdiff, from its WebJar).
import { h } from 'preact';

export function lineDiff(before, after) {
  const rows = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of window.Diff.diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const line of lines) {
      if (part.added) {
        rows.push({ kind: 'added', oldLine: '', newLine: newLine++, text: line });
      } else if (part.removed) {
        rows.push({ kind: 'removed', oldLine: oldLine++, newLine: '', text: line });
      } else {
        rows.push({ kind: 'same', oldLine: oldLine++, newLine: newLine++, text: line });
      }
    }
  }
  return rows;
}

export function DiffView({ before, after, label }) {
  const rows = lineDiff(before, after);
  const changed = rows.filter(r => r.kind !== 'same').length;
  return h('div', { class: 'diff', 'aria-label': label },
    h('p', { class: 'muted' }, changed === 0 ? 'No difference.' : changed + ' lines changed'),
    h('table', { class: 'diff-table' }, h('tbody', null, rows.map(row => h('tr', { class: 'diff-' + row.kind },
      h('td', { class: 'num' }, row.oldLine), h('td', { class: 'num' }, row.newLine),
      h('td', { class: 'sign' }, row.kind === 'added' ? '+' : row.kind === 'removed' ? '-' : ' '),
      h('td', { class: 'text' }, h('code', null, row.text)))))));
}
