# Interface check of a generated Java project: compiles probe classes that call every promised method
# against the classes the consistency check compiled in .sf/build. Usage: sh -c "$(cat this)" sh PATH SOURCE...
if [ ! -d .sf/build/target/classes ]; then
  echo "interface check skipped: no compiled classes in .sf/build/target/classes"
  exit 0
fi
rm -rf .sf/probe
while [ $# -gt 1 ]; do
  mkdir -p "$(dirname "$1")" && printf '%s' "$2" > "$1" || exit 2
  shift 2
done
if javac -nowarn -proc:none -encoding UTF-8 -d .sf/probe/classes -cp .sf/build/target/classes \
    $(find .sf/probe/src -name '*.java') 2>&1; then
  echo "interface check: every promised signature compiles against the code"
else
  echo "interface mismatch: each failing line above calls one promised signature (its file and the signature"
  echo "are in the line's comment); the code does not offer it as the design declares"
  exit 1
fi
