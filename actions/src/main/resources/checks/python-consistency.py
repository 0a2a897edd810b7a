# Consistency check of a generated Python project, run by the project's venv: byte-compiles every file
# given, finds imports of modules that neither the project nor its installed pins provide (undeclared
# dependencies), then imports each source module; writes no bytecode.
# Usage: python -c "$(cat this)" --sources a.py b/c.py --tests t.py
# Exit: 0 consistent, 1 a file does not compile or import, 3 undeclared dependencies (listed first).
import ast
import importlib
import importlib.util
import sys
import traceback

UNDECLARED = "undeclared dependency: "
sys.dont_write_bytecode = True
sys.path.insert(0, ".")
args = sys.argv[1:]
split = args.index("--tests")
sources, tests = args[1:split], args[split + 1:]


def optional(handlers):
    """True for a try whose except clauses catch ImportError: the import is optional there."""
    for handler in handlers:
        names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if handler.type is None or any(getattr(n, "id", "") in ("ImportError", "ModuleNotFoundError",
                                                                "Exception", "BaseException") for n in names):
            return True
    return False


def imported(tree):
    """(module, line) of every absolute import outside try blocks that allow it to fail."""
    found = []

    def visit(node, guarded):
        if isinstance(node, ast.Try):
            for child in node.body:
                visit(child, guarded or optional(node.handlers))
            for child in node.handlers + node.orelse + node.finalbody:
                visit(child, guarded)
            return
        if not guarded and isinstance(node, ast.Import):
            found.extend((alias.name.split(".")[0], node.lineno) for alias in node.names)
        elif not guarded and isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module.split(".")[0], node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, guarded)

    visit(tree, False)
    return found


failures = 0
trees = {}
for path in sources + tests:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        compile(text, path, "exec")
        trees[path] = ast.parse(text, path)
    except Exception:
        failures += 1
        print("does not compile: " + path)
        traceback.print_exc(limit=0, file=sys.stdout)
if failures:
    print("consistency check: %d problem(s) in %d file(s)" % (failures, len(sources) + len(tests)))
    sys.exit(1)

undeclared = 0
for path, tree in trees.items():
    for module, line in imported(tree):
        if module not in sys.builtin_module_names and importlib.util.find_spec(module) is None:
            undeclared += 1
            print("%s%s: module '%s' is imported at line %d, and no pinned dependency provides it"
                  % (UNDECLARED, path, module, line))
if undeclared:
    print("consistency check: %d undeclared dependenc%s" % (undeclared, "y" if undeclared == 1 else "ies"))
    sys.exit(3)

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
