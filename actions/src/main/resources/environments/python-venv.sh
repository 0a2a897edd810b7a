# Makes a Python project's environment: a venv in .sf/venv without the host's site packages. A venv
# that holds exactly these pins already (the marker the install writes) is kept; any other is made anew.
# Usage: sh -c "$(cat this)" sh MARKER WITH_PIP   (WITH_PIP is "yes" when pins are to be installed)
marker="$1"
venv=.sf/venv
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/sf-pins" 2>/dev/null)" = "$marker" ]; then
  echo "kept $venv: it holds the pinned dependencies already"
  exit 0
fi
rm -rf "$venv"
if [ "$2" = yes ]; then
  python3 -m venv "$venv"
else
  python3 -m venv --without-pip "$venv" && printf '%s' "$marker" > "$venv/sf-pins"
fi
