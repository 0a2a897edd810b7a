# Installs a Python project's pinned dependencies into its venv with pip, then marks the venv as
# holding them. Usage: sh -c "$(cat this)" sh MARKER [pip options and requirements...]
marker="$1"
shift
venv=.sf/venv
if [ "$(cat "$venv/sf-pins" 2>/dev/null)" = "$marker" ]; then
  echo "$venv holds the pinned dependencies already"
  exit 0
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input --progress-bar off "$@" \
  && printf '%s' "$marker" > "$venv/sf-pins"
