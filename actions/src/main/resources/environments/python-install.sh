# Installs a Python project's pinned dependencies into its venv with pip, then marks the venv as
# holding them. The host's pip (of the venv's base interpreter) installs into the venv when it can (pip 22.3 and later: --python),
# which spares the venv a pip of its own; otherwise the venv gets one from ensurepip.
# Usage: sh -c "$(cat this)" sh MARKER [pip options and requirements...]
marker="$1"
shift
venv=.sf/venv
if [ "$(cat "$venv/sf-pins" 2>/dev/null)" = "$marker" ]; then
  echo "$venv holds the pinned dependencies already"
  exit 0
fi
# The interpreter the venv was made from, itself rather than a wrapper such as pyenv's shim.
base=$("$venv/bin/python" -c 'import sys; print(sys._base_executable)') || exit 1
if "$base" -c 'import sys, pip; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 3))' 2>/dev/null; then
  set -- "$base" -m pip --python "$venv/bin/python" install "$@"
else
  "$venv/bin/python" -m ensurepip --default-pip > /dev/null || exit 1
  set -- "$venv/bin/python" -m pip install "$@"
fi
"$@" --disable-pip-version-check --no-input --progress-bar off --no-compile && printf '%s' "$marker" > "$venv/sf-pins"
