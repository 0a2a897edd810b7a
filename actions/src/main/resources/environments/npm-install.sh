# Installs a Node project's dependencies from its package.json (and lock file, when it has one) into
# .sf/npm/node_modules, its own; the test copy links it. Kept while package.json is unchanged.
# Usage: sh -c "$(cat this)" sh [npm options...]
set -e
if [ -d .sf/npm/node_modules ] && cmp -s package.json .sf/npm/package.json; then
  echo ".sf/npm holds the dependencies of package.json already"
  exit 0
fi
rm -rf .sf/npm
mkdir -p .sf/npm
cp package.json .sf/npm/
if [ -f package-lock.json ]; then
  cp package-lock.json .sf/npm/
  cd .sf/npm
  exec npm ci --no-audit --no-fund "$@"
fi
cd .sf/npm
exec npm install --no-audit --no-fund "$@"
