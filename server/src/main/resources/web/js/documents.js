// The PRD, the design and the task list, rendered from their Markdown (marked, then DOMPurify:
// a model wrote them, so no script they contain may run).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import { get } from './api.js';
import { fileUrl } from './files.js';

const DOCUMENTS = [['docs/prd.md', 'PRD'], ['docs/design.md', 'Design'], ['docs/tasks.md', 'Tasks']];

function Document({ runId, path, title, at, refresh }) {
  const [html, setHtml] = useState(null);
  useEffect(() => {
    get(fileUrl(runId, path, at))
      .then(version => setHtml(DOMPurify.sanitize(marked.parse(version.content))))
      .catch(() => setHtml(''));
  }, [runId, path, at, refresh]);
  return h('article', { class: 'document', 'aria-label': title },
    h('h2', null, title),
    html === null ? h('p', { class: 'muted' }, 'Loading...')
      : html === '' ? h('p', { class: 'muted' }, 'Not written yet.')
        : h('div', { class: 'markdown', dangerouslySetInnerHTML: { __html: html } }));
}

export function Documents({ runId, at, refresh }) {
  return h('div', { class: 'documents' },
    DOCUMENTS.map(([path, title]) => h(Document, { key: path, runId, path, title, at, refresh })));
}
