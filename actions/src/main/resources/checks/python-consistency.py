# Consistency check of a generated Python project: byte-compiles every file given and imports each
# source module, without writing bytecode. Usage: python3 -c "$(cat this)" --sources a.py b/c.py --tests t.py
import importlib
import sys
import traceback

sys.dont_write_bytecode = True
sys.path.insert(0, ".")
args = sys.argv[1:]
split = args.index("--tests")
sources, tests = args[1:split], args[split + 1:]
failures = 0
for path in sources + tests:
    try:
        with open(path, encoding="utf-8") as handle:
            compile(handle.read(), path, "exec")
    except Exception:
        failures += 1
        print("does not compile: " + path)
        traceback.print_exc(limit=0, file=sys.stdout)
for path in sources:
    module = path[:-3].replace("/", ".")
    if module.endswith(".__init__"):
        module = module[: -len(".__init__")]
    try:
        importlib.import_module(module)
    except BaseException:
        failures += 1
        print("does not import: " + module + " (" + path + ")")
        traceback.print_exc(limit=-3, file=sys.stdout)
print("consistency check: %d problem(s) in %d file(s)" % (failures, len(sources) + len(tests)))
sys.exit(1 if failures else 0)
