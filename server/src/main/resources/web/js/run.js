// A run at its own address: the roles at work, the messages and steps growing live from the run's
// event stream, any step opened in place, files, documents, tests, cost, and time travel.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { follow, get } from './api.js';
import { Lanes } from './lanes.js';
import { Messages, Steps } from './timeline.js';
import { StepDetail } from './detail.js';
import { Files } from './files.js';
import { Documents } from './documents.js';
import { Tests } from './tests.js';
import { Cost } from './cost.js';
import { RunActions } from './actions.js';
import { TimeTravel } from './travel.js';
import { Status, cost, count, duration, time } from './format.js';
import { ROLES, bounded, isEnd, lanes } from './steps.js';

const PAGE = 200;
const KEPT_STEPS = 1000;
const KEPT_MESSAGES = 2000;
const TABS = [['timeline', 'Timeline'], ['files', 'Files'], ['documents', 'Documents'], ['tests', 'Tests'],
  ['cost', 'Cost']];

function base(id) {
  return '/api/runs/' + encodeURIComponent(id);
}

function stepsOf(page) {
  return Array.isArray(page) ? page : page.steps || [];
}

export function RunPage({ id }) {
  const [run, setRun] = useState(null);
  const [error, setError] = useState('');
  const [steps, setSteps] = useState([]);
  const [messages, setMessages] = useState([]);
  const [commands, setCommands] = useState([]);
  const [last, setLast] = useState(0);
  const [opened, setOpened] = useState(0);
  const [tab, setTab] = useState('timeline');
  const [at, setAt] = useState(0);
  const [travelSteps, setTravelSteps] = useState([]);
  const [filesVersion, setFilesVersion] = useState(0);
  const lastRef = useRef(0);

  const reloadRun = () => get(base(id)).then(setRun).catch(e => setError(e.message));

  useEffect(() => {
    let stop = () => {};
    let live = true;
    const take = step => {
      if (step.step <= lastRef.current) {
        return;
      }
      lastRef.current = step.step;
      setLast(step.step);
      setSteps(list => bounded(list.concat([step]), KEPT_STEPS));
      if (step.event === 'MessagePublished') {
        setMessages(list => bounded(list.concat([step]), KEPT_MESSAGES));
      }
      if ((step.key || '').startsWith('exec:')) {
        setCommands(list => bounded(list.concat([step]), KEPT_MESSAGES));
      }
      if ((step.event === 'EffectRecorded' || step.event === 'EffectReplayed')
        && !(step.key || '').startsWith('llm:') && !(step.key || '').startsWith('exec:')) {
        setFilesVersion(v => v + 1);
      }
      if (step.event === 'ActionAccounted' || isEnd(step)) {
        reloadRun();
      }
    };
    const start = async () => {
      try {
        const summary = await get(base(id));
        if (!live) {
          return;
        }
        setRun(summary);
        const total = summary.steps || 0;
        const [tail, published, execs] = await Promise.all([
          get(base(id) + '/timeline?after=' + Math.max(0, total - PAGE) + '&limit=' + PAGE),
          get(base(id) + '/timeline?type=MessagePublished&limit=' + KEPT_MESSAGES),
          get(base(id) + '/timeline?type=exec&limit=' + KEPT_MESSAGES)]);
        if (!live) {
          return;
        }
        const loaded = stepsOf(tail);
        setMessages(stepsOf(published).filter(s => s.event === 'MessagePublished'));
        setCommands(stepsOf(execs).filter(s => (s.key || '').startsWith('exec:')));
        setSteps(loaded);
        lastRef.current = loaded.length ? loaded[loaded.length - 1].step : 0;
        setLast(lastRef.current);
        // The feed resumes after the last step shown; reconnects go on from the last event id.
        stop = follow(base(id) + '/events?afterStep=' + lastRef.current, '', event => {
          const step = JSON.parse(event.data);
          if (step && step.step) {
            take(step);
          }
          return step && isEnd(step) ? 'end' : undefined;
        }, reloadRun);
      } catch (e) {
        if (live) {
          setError(e.message);
        }
      }
    };
    start();
    return () => {
      live = false;
      stop();
    };
  }, [id]);

  useEffect(() => {
    if (!at || (steps.length && steps[0].step <= at)) {
      setTravelSteps([]);
      return;
    }
    get(base(id) + '/timeline?after=' + Math.max(0, at - PAGE) + '&limit=' + PAGE)
      .then(page => setTravelSteps(stepsOf(page)))
      .catch(e => setError(e.message));
  }, [id, at]);

  const olderSteps = async () => {
    const first = steps.length ? steps[0].step : 1;
    const page = stepsOf(await get(base(id) + '/timeline?after=' + Math.max(0, first - 1 - PAGE)
      + '&limit=' + Math.min(PAGE, first - 1)));
    setSteps(list => page.concat(list));
  };

  if (error && !run) {
    return h('p', { class: 'error', role: 'alert' }, error);
  }
  if (!run) {
    return h('p', { class: 'muted' }, 'Loading run ' + id + '...');
  }
  const upTo = list => (at ? list.filter(s => s.step <= at) : list);
  const shownSteps = at ? upTo(travelSteps.length ? travelSteps : steps) : steps;
  const detail = run;
  const item = detail.run;
  const usage = item.usage || {};
  return h('section', { class: 'run', 'data-run': id, 'aria-labelledby': 'run-title' },
    h('div', { class: 'run-head' },
      h('h1', { id: 'run-title' }, h(Status, { value: item.status }), ' ', item.requirement),
      h('p', { class: 'muted' }, 'run ' + id + ' · started ' + time(item.startedAt) + ' · ' + duration(item.durationSeconds * 1000)
        + ' · ' + count(usage.modelCalls) + ' model calls · ' + count(usage.tokens) + ' tokens · ' + cost(usage.costUsd)
        + (detail.testResult ? ' · tests ' + detail.testResult : '')),
      item.reason && h('p', { class: 'reason' }, item.reason),
      h(RunActions, { detail, onChanged: reloadRun })),
    error && h('p', { class: 'error', role: 'alert' }, error),
    h(TimeTravel, { runId: id, last, at, onMove: setAt, running: item.status === 'RUNNING' }),
    h(Lanes, { state: lanes(shownSteps, ROLES) }),
    h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Run views' }, TABS.map(([key, label]) => h('button', {
      role: 'tab', id: 'tab-' + key, 'aria-selected': tab === key ? 'true' : 'false', 'aria-controls': 'panel-' + key,
      onClick: () => setTab(key),
    }, label))),
    h('div', { role: 'tabpanel', id: 'panel-' + tab, 'aria-labelledby': 'tab-' + tab, class: 'panel' },
      tab === 'timeline' && h('div', { class: 'timeline-view' },
        h('div', null, h('h2', null, 'Messages'), h(Messages, { steps: upTo(messages), onOpen: setOpened })),
        h('div', null,
          opened > 0 && h(StepDetail, { runId: id, number: opened, onClose: () => setOpened(0) }),
          h('h2', null, 'Steps'),
          h(Steps, { steps: shownSteps, opened, onOpen: setOpened, onOlder: olderSteps,
            hasOlder: !at && steps.length > 0 && steps[0].step > 1 }))),
      tab === 'files' && h(Files, { runId: id, at, refresh: filesVersion }),
      tab === 'documents' && h(Documents, { runId: id, at, refresh: filesVersion }),
      tab === 'tests' && h(Tests, { runId: id, commands: upTo(commands), messages: upTo(messages) }),
      tab === 'cost' && h(Cost, { detail })));
}
