// Interface check of a generated JavaScript project: every function, class and method the design promised
// is exported by its file and takes the declared number of parameters.
// Usage: node -e "$(cat this)" '{"calc.js": ["function add(a, b) -> number"]}'
// Signatures are read as models write them: "function f(a, b)", "f(a, b) -> T", "class C", "C.m(a)".
const path = require('path');
const { pathToFileURL } = require('url');

const CALLABLE = /^\s*(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s+)?([A-Za-z_$][\w$.]*)\s*\((.*)\)/s;
const CLASS = /^\s*(?:export\s+)?class\s+([A-Za-z_$][\w$]*)/;

function promises(signature) {
  const found = [];
  let owner = null;
  for (let piece of signature.split(/;|\n/)) {
    piece = piece.trim();
    const klass = CLASS.exec(piece);
    if (klass) {
      owner = klass[1];
      found.push({ owner: null, name: owner, params: null });
      piece = piece.slice(klass[0].length).replace(/^\s*(extends\s+[\w$.]+)?\s*[:{]?/, '').trim();
    }
    const call = CALLABLE.exec(piece);
    if (!call || ['if', 'for', 'while'].includes(call[1])) {
      continue;
    }
    const dotted = call[1].lastIndexOf('.');
    found.push(dotted >= 0
      ? { owner: call[1].slice(0, dotted), name: call[1].slice(dotted + 1), params: call[2] }
      : { owner, name: call[1], params: call[2] });
  }
  return found;
}

// Function.length counts the parameters before the first default or rest parameter.
function declaredLength(params) {
  let length = 0;
  for (const param of params.split(',').map((p) => p.trim()).filter((p) => p)) {
    if (param.includes('=') || param.startsWith('...')) {
      break;
    }
    length++;
  }
  return length;
}

function member(exported, owner, name) {
  if (owner === null) {
    return exported[name];
  }
  const klass = exported[owner];
  return klass === undefined ? undefined : (klass[name] ?? (klass.prototype || {})[name]);
}

async function check(file, signatures, problems) {
  let module;
  try {
    module = await import(pathToFileURL(path.resolve(file)).href);
  } catch (error) {
    problems.push(`${file}: cannot be loaded to check its interface: ${error}`);
    return 0;
  }
  const exported = Object.assign({}, module.default || {}, module);
  let checked = 0;
  for (const signature of signatures) {
    for (const { owner, name, params } of promises(signature)) {
      checked++;
      const qualified = owner === null ? name : `${owner}.${name}`;
      const found = member(exported, owner, name);
      if (found === undefined) {
        problems.push(`${file}: ${qualified} is not exported; the design promises: ${signature.trim()}`);
      } else if (params !== null && typeof found !== 'function') {
        problems.push(`${file}: ${qualified} is a ${typeof found}, not a function; the design promises: ${signature.trim()}`);
      } else if (params !== null && name !== 'constructor' && found.length !== declaredLength(params)) {
        problems.push(`${file}: ${qualified} takes ${found.length} parameter(s), the design declares `
          + `${declaredLength(params)}; expected: ${signature.trim()}`);
      }
    }
  }
  return checked;
}

(async () => {
  const interfaces = JSON.parse(process.argv[process.argv.length - 1]);
  const problems = [];
  let checked = 0;
  for (const [file, signatures] of Object.entries(interfaces)) {
    checked += await check(file, signatures, problems);
  }
  problems.forEach((problem) => console.log(`interface mismatch: ${problem}`));
  console.log(`interface check: ${problems.length} problem(s) in ${checked} promised name(s) of `
    + `${Object.keys(interfaces).length} file(s)`);
  process.exit(problems.length ? 1 : 0);
})();
