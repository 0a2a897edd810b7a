// What the page derives from a run's steps (the timeline rows and feed events of the API: step, time, role, event, action, key, summary): which role is doing
// what, and which messages went between them. Pure functions, so the page and its tests agree.

export const ROLES = ['ProductManager', 'Architect', 'ProjectManager', 'Engineer', 'QaEngineer'];

/** Per role: idle, or the action it runs and the effect it is on, as of the given steps. */
export function lanes(steps, knownRoles) {
  const state = {};
  for (const role of knownRoles) {
    state[role] = { busy: false, action: '', effect: '', step: 0 };
  }
  for (const step of steps) {
    if (!step.role || step.role === 'Company') {
      continue;
    }
    const lane = state[step.role] || (state[step.role] = { busy: false, action: '', effect: '', step: 0 });
    lane.step = step.step;
    if (step.event === 'ActionStarted') {
      Object.assign(lane, { busy: true, action: step.action, effect: '' });
    } else if (step.event === 'EffectRecorded' || step.event === 'EffectReplayed') {
      Object.assign(lane, { busy: true, action: step.action || lane.action, effect: step.key });
    } else if (step.event === 'ActionCompleted' || step.event === 'OutputsDelivered') {
      Object.assign(lane, { busy: false, effect: '' });
    } else if (step.event === 'ActionFailed') {
      Object.assign(lane, { busy: false, effect: '', failed: step.summary });
    }
  }
  return state;
}

/** The message a MessagePublished step carries, when the step includes its event. */
export function messageOf(step) {
  const entry = step.data && step.data.entry;
  if (!entry || !entry.message) {
    // a timeline row: "#seq Type from Sender: content", the content cut short
    const row = (step.summary || '').match(/^#(\d+) (\S+) from (\S+): ?(.*)$/s);
    return row ? { seq: Number(row[1]), type: row[2], sender: row[3], content: row[4] }
      : { seq: 0, type: '', sender: '', content: step.summary || '' };
  }
  return { seq: entry.seq, type: entry.message.type, sender: entry.message.sender, content: entry.message.content };
}

export function isEnd(step) {
  return step.event === 'RunEnded' || step.last === true;
}

/** Keeps the newest items only, so a page left open for hours holds a bounded amount. */
export function bounded(list, max) {
  return list.length > max ? list.slice(list.length - max) : list;
}
