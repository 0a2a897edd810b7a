// A file's content with syntax highlighting (Prism, from its WebJar, loaded by the page).
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const LANGUAGES = { py: 'python', java: 'java', js: 'javascript', mjs: 'javascript', ts: 'javascript', json: 'json',
  md: 'markdown', toml: 'toml', yaml: 'yaml', yml: 'yaml', sh: 'bash', xml: 'markup', html: 'markup', txt: 'none',
  cfg: 'none', ini: 'none' };

export function languageOf(path) {
  const extension = (path.split('.').pop() || '').toLowerCase();
  return LANGUAGES[extension] || 'none';
}

export function Code({ path, text }) {
  const ref = useRef(null);
  const language = languageOf(path);
  useEffect(() => {
    const prism = window.Prism;
    if (ref.current && prism && prism.languages[language]) {
      ref.current.innerHTML = prism.highlight(text, prism.languages[language], language);
    } else if (ref.current) {
      ref.current.textContent = text;
    }
  }, [text, language]);
  return h('pre', { class: 'block code language-' + language, tabIndex: 0, 'aria-label': path },
    h('code', { ref, class: 'language-' + language }, text));
}
