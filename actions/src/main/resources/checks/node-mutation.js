// Mutation check of a generated JavaScript project, in its build copy: runs the project's tests (npm test)
// once unchanged, then once per mutant, each mutant one edit of one file (made by the company's JsMutants),
// and reports which mutants the tests let pass, in the lines the Python mutator prints.
// Usage: node -e "$(cat this)" TIME_BUDGET_SECONDS MUTATION_POINTS '[{"file", "line", "function", "start",
// "original", "replacement", "description"}, ...]'
const fs = require('fs');
const { spawn } = require('child_process');

function runTests(timeoutMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    // A group of its own, so a timeout kills the test processes npm started too.
    const child = spawn('npm', ['test', '--silent'], { detached: true, stdio: 'ignore' });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        // already gone
      }
      resolve({ outcome: 'timed out', ms: Date.now() - started });
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ outcome: code === 0 ? 'passed' : 'failed', ms: Date.now() - started });
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ outcome: 'failed', ms: Date.now() - started });
    });
  });
}

(async () => {
  const [budgetSeconds, points, json] = process.argv.slice(-3);
  const mutants = JSON.parse(json);
  const started = Date.now();
  const baseline = await runTests(60000);
  if (baseline.outcome !== 'passed') {
    console.log(`mutation check skipped: the unchanged tests ${baseline.outcome} in the mutation copy`);
    return;
  }
  const timeoutMs = Math.max(2000, 5 * baseline.ms);
  let ran = 0;
  let survived = 0;
  for (const mutant of mutants) {
    if (Date.now() - started > Number(budgetSeconds) * 1000) {
      console.log(`time budget of ${budgetSeconds} s spent: ${mutants.length - ran} of ${mutants.length} mutants not run`);
      break;
    }
    const source = fs.readFileSync(mutant.file, 'utf8');
    if (source.substr(mutant.start, mutant.original.length) !== mutant.original) {
      console.log(`not mutated: ${mutant.file}:${mutant.line}: the file differs from the code mutated`);
      continue;
    }
    ran++;
    fs.writeFileSync(mutant.file, source.slice(0, mutant.start) + mutant.replacement
      + source.slice(mutant.start + mutant.original.length));
    const { outcome } = await runTests(timeoutMs);
    fs.writeFileSync(mutant.file, source);
    const verdict = outcome === 'passed' ? 'survived' : outcome === 'failed' ? 'killed' : 'killed (timed out)';
    if (outcome === 'passed') {
      survived++;
    }
    console.log(`${verdict}: ${mutant.file}:${mutant.line} in ${mutant.function}(): ${mutant.description}`);
  }
  console.log(`mutation score: ${ran - survived}/${ran} killed (${points} mutation points, `
    + `${((Date.now() - started) / 1000).toFixed(1)} s)`);
})();
