# Makes a Python project's environment: a venv in .sf/venv without the host's site packages, and
# without pip (the install brings one when there are pins). A venv that holds exactly these pins
# already (the marker the install writes) is kept; any other is made anew.
# Usage: sh -c "$(cat this)" sh MARKER PINNED   (PINNED is "yes" when pins are to be installed)
marker="$1"
venv=.sf/venv
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/sf-pins" 2>/dev/null)" = "$marker" ]; then
  echo "kept $venv: it holds the pinned dependencies already"
  exit 0
fi
rm -rf "$venv"
python3 -m venv --without-pip "$venv" || exit 1
if [ "$2" != yes ]; then
  printf '%s' "$marker" > "$venv/sf-pins"
fi
