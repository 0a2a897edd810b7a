// The page's shell: navigation, the address as the page's state (runs can be bookmarked and
// shared), and the one-time token prompt when the node asks for one.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { onUnauthorized, setToken } from './api.js';
import { RunsPage } from './runs.js';
import { NewRunPage } from './newrun.js';
import { RunPage } from './run.js';
import { GatewayPage } from './gateway.js';

export function navigate(path) {
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** A link that moves within the page instead of reloading it. */
export function Link({ href, children, ...rest }) {
  const click = event => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return h('a', { href, onClick: click, ...rest }, children);
}

function route(path) {
  const run = path.match(/^\/runs\/([^/]+)\/?$/);
  if (run) {
    return h(RunPage, { id: decodeURIComponent(run[1]), key: run[1] });
  }
  if (path === '/new') {
    return h(NewRunPage);
  }
  if (path === '/gateway') {
    return h(GatewayPage);
  }
  return h(RunsPage);
}

function TokenDialog({ onDone }) {
  const [value, setValue] = useState('');
  const submit = event => {
    event.preventDefault();
    setToken(value.trim());
    onDone();
  };
  return h('div', { class: 'dialog-backdrop' },
    h('form', { class: 'dialog', onSubmit: submit, 'aria-labelledby': 'token-title' },
      h('h2', { id: 'token-title' }, 'This node needs its API token'),
      h('p', null, 'The token is the node\'s SF_API_TOKEN (or its --token-file). It is kept in this tab only.'),
      h('label', { for: 'token-input' }, 'API token'),
      h('input', { id: 'token-input', type: 'password', autocomplete: 'off', value,
        onInput: e => setValue(e.target.value), autofocus: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Use token'))));
}

function App() {
  const [path, setPath] = useState(location.pathname);
  const [asking, setAsking] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const moved = () => setPath(location.pathname);
    addEventListener('popstate', moved);
    const off = onUnauthorized(() => setAsking(true));
    return () => {
      removeEventListener('popstate', moved);
      off();
    };
  }, []);
  const tab = (href, label) => h(Link, { href, class: 'nav-link',
    'aria-current': (href === '/' ? path === '/' : path.startsWith(href)) ? 'page' : undefined }, label);
  return h('div', { class: 'shell' },
    h('header', { class: 'top' },
      h(Link, { href: '/', class: 'brand' }, 'Software Factory'),
      h('nav', { 'aria-label': 'Main' }, tab('/', 'Runs'), tab('/new', 'New run'), tab('/gateway', 'Gateway'),
        h('a', { href: '/api/docs', class: 'nav-link' }, 'API'))),
    h('main', { id: 'content', key: generation }, route(path)),
    asking && h(TokenDialog, { onDone: () => {
      setAsking(false);
      setGeneration(generation + 1);
    } }));
}

render(h(App), document.getElementById('app'));
