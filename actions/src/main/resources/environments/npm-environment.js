// Prints a Node project's environment as one JSON object: language, Node's version, and every package
// its install put in .sf/npm/node_modules with its version (from the lock file npm wrote).
const fs = require('fs');
const packages = {};
try {
  const lock = JSON.parse(fs.readFileSync('.sf/npm/package-lock.json', 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages || {})) {
    if (path.startsWith('node_modules/') && entry.version) {
      packages[path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)] = entry.version;
    }
  }
} catch (e) {
  // no install: no packages
}
console.log(JSON.stringify({language: 'javascript', version: process.versions.node, packages}));
