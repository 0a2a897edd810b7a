# Mutation check of a generated Python project: runs the project's tests against deliberately broken
# copies of the functions the design promised, and reports which broken copies (mutants) the tests let
# pass. Usage: python3 -c "$(cat this)" --seed S --max-mutants N --runner pytest|unittest --interfaces JSON
# Works on a copy of the project under .sf/mutation, one mutant at a time: the mutated file is written
# there, and the tests run in a forked child (the test framework is imported once, before the forks).
# The mutants of a run are all the mutation points of the promised functions, in file and source order;
# when there are more than N, N are chosen by a random generator seeded with S, so the choice repeats.
import argparse
import ast
import copy
import json
import os
import random
import re
import shutil
import signal
import sys
import time

sys.dont_write_bytecode = True
COPY = os.path.join(".sf", "mutation")

FLIPPED = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq,
           ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
SWAPPED = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult,
           ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult}
DROPPABLE = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Raise, ast.Delete)


def promised_names(signatures):
    """The function, class and Class.method names a file's signatures promise."""
    names = set()
    for signature in signatures:
        names.update(re.findall(r"\bclass\s+([A-Za-z_]\w*)", signature))
        names.update(re.findall(r"([A-Za-z_][\w.]*)\s*\(", signature))
    return names


def short(text):
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:67] + "..."


class Mutator(ast.NodeTransformer):
    """Walks the promised functions of a module in source order, numbering each mutation point. With a
    target number it applies that one mutation and records what it changed; without, it only counts."""

    def __init__(self, source, names, target=None):
        self.source = source
        self.names = names
        self.target = target
        self.count = 0
        self.points = []
        self.function = None
        self.change = None

    def visit_ClassDef(self, node):
        if node.name in self.names:
            methods = {n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            self.names = self.names | {node.name + "." + m for m in methods}
        saved, self.owner = getattr(self, "owner", None), node.name
        self.generic_visit(node)
        self.owner = saved
        return node

    def visit_FunctionDef(self, node):
        owner = getattr(self, "owner", None)
        qualified = node.name if owner is None else owner + "." + node.name
        if self.function is not None or qualified in self.names:
            saved, self.function = self.function, self.function or qualified
            node.body = [self.visit(child) for child in self.statements(node.body)]
            self.function = saved
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def statements(self, body):
        result = []
        for index, statement in enumerate(body):
            # A bare constant (a docstring, a stray string) does nothing: dropping it changes nothing.
            inert = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            if isinstance(statement, DROPPABLE) and not inert \
                    and self.point(statement, "`%s` dropped" % short(self.segment(statement))):
                result.append(ast.copy_location(ast.Pass(), statement))
            else:
                result.append(statement)
        return result

    def point(self, node, description):
        """Numbers a mutation point; True when it is the one to apply now."""
        number = self.count
        self.count += 1
        self.points.append((self.function, node.lineno))
        if number == self.target:
            self.change = (self.function, node.lineno, description)
            return True
        return False

    def segment(self, node):
        return ast.get_source_segment(self.source, node) or ast.unparse(node)

    def generic_visit(self, node):
        if self.function is not None:
            for field in ("body", "orelse", "finalbody"):
                block = getattr(node, field, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt) \
                        and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    setattr(node, field, self.statements(block))
        return super().generic_visit(node)

    def replaced(self, node, mutated, what):
        if self.point(node, "`%s` became `%s`%s" % (short(self.segment(node)), short(ast.unparse(mutated)), what)):
            return ast.copy_location(mutated, node)
        return None

    def visit_Compare(self, node):
        self.generic_visit(node)
        if self.function is None or len(node.ops) != 1 or type(node.ops[0]) not in FLIPPED:
            return node
        mutated = copy.deepcopy(node)
        mutated.ops = [FLIPPED[type(node.ops[0])]()]
        return self.replaced(node, mutated, "") or node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if self.function is None or type(node.op) not in SWAPPED or self.is_text(node):
            return node
        mutated = copy.deepcopy(node)
        mutated.op = SWAPPED[type(node.op)]()
        return self.replaced(node, mutated, "") or node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if self.function is None or type(node.op) not in SWAPPED:
            return node
        mutated = copy.deepcopy(node)
        mutated.op = SWAPPED[type(node.op)]()
        return self.replaced(node, mutated, "") or node

    def visit_BoolOp(self, node):
        self.generic_visit(node)
        if self.function is None:
            return node
        mutated = copy.deepcopy(node)
        mutated.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        return self.replaced(node, mutated, "") or node

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if self.function is None or not isinstance(node.op, (ast.Not, ast.USub)):
            return node
        return self.replaced(node, copy.deepcopy(node.operand), "") or node

    def visit_Constant(self, node):
        if self.function is None or isinstance(node.value, (str, bytes)) or node.value is None \
                or isinstance(node.value, complex) or node.value is Ellipsis:
            return node
        value = (not node.value) if isinstance(node.value, bool) else node.value + 1
        return self.replaced(node, ast.Constant(value), "") or node

    def visit_JoinedStr(self, node):
        return node  # the constant parts of an f-string are text, not numbers to change

    def visit_Return(self, node):
        self.generic_visit(node)
        if self.function is None or node.value is None \
                or (isinstance(node.value, ast.Constant) and node.value.value is None):
            return node
        mutated = ast.Return(ast.UnaryOp(ast.Not(), copy.deepcopy(node.value)))
        return self.replaced(node, mutated, " (return negated)") or node

    @staticmethod
    def is_text(node):
        """String formatting or concatenation with a literal: swapping its operator only raises TypeError."""
        return any(isinstance(side, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(side, "value", ""), str)
                   for side in (node.left, node.right))


def mutation_points(path, names):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    mutator = Mutator(source, names)
    mutator.visit(ast.parse(source, path))
    return source, mutator.count


def mutant(path, source, names, number):
    mutator = Mutator(source, names, number)
    tree = ast.fix_missing_locations(mutator.visit(ast.parse(source, path)))
    return ast.unparse(tree) + "\n", mutator.change


def copy_project():
    shutil.rmtree(COPY, ignore_errors=True)
    ignored = shutil.ignore_patterns(".sf", "__pycache__", ".pytest_cache", ".git")
    shutil.copytree(".", COPY, ignore=ignored)
    os.chdir(COPY)
    sys.path.insert(0, os.getcwd())


def run_tests(runner, timeout):
    """Runs the tests in a forked child; returns 'passed', 'failed' or 'timed out'."""
    pid = os.fork()
    if pid == 0:
        os.setsid()
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        try:
            os._exit(runner())
        except BaseException:
            os._exit(3)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "passed" if os.waitstatus_to_exitcode(status) == 0 else "failed"
        if time.monotonic() > deadline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            return "timed out"
        time.sleep(0.002)


def test_files():
    found = []
    for folder, folders, files in os.walk("."):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f != "__pycache__")
        found.extend(os.path.join(folder, f)[2:] for f in sorted(files)
                     if f.endswith(".py") and (f.startswith("test_") or f.endswith("_test.py")))
    return found


def plain(paths):
    """True when every test is a plain function or method without fixtures, marks or setup hooks, or a
    unittest case: then calling them directly is what pytest would do, at a fraction of its start-up."""
    for path in paths:
        folder = os.path.dirname(path) or "."
        if os.path.exists(os.path.join(folder, "__init__.py")) or os.path.exists(os.path.join(folder, "conftest.py")):
            return False
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and \
                    (node.decorator_list or isinstance(node, ast.AsyncFunctionDef)
                     or (node.name.startswith("test") and (node.args.args or node.args.vararg or node.args.kwarg))):
                return False
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in node.targets):
                return False
            if isinstance(node, ast.ClassDef) and node.name.startswith("Test") and not node.bases:
                for method in node.body:
                    if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                            not method.name.startswith("test") or method.decorator_list
                            or len(method.args.args) != 1 or isinstance(method, ast.AsyncFunctionDef)):
                        return False
    return True


def run_plain(paths):
    import importlib
    import io
    import unittest
    for path in paths:
        folder, name = os.path.split(path)
        sys.path.insert(0, os.path.abspath(folder or "."))
        module = importlib.import_module(name[:-3])
        for attribute, value in list(vars(module).items()):
            if isinstance(value, type) and issubclass(value, unittest.TestCase):
                suite = unittest.defaultTestLoader.loadTestsFromTestCase(value)
                if not unittest.TextTestRunner(stream=io.StringIO(), failfast=True).run(suite).wasSuccessful():
                    return 1
            elif isinstance(value, type) and attribute.startswith("Test") and value.__module__ == module.__name__:
                for method in sorted(m for m in vars(value) if m.startswith("test")):
                    getattr(value(), method)()
            elif attribute.startswith("test") and callable(value) and getattr(value, "__module__", "") == module.__name__:
                value()
    return 0


def test_runner(kind):
    """The child's test run, as the project's test command would run them: pytest (called directly for
    plain tests) or unittest discovery."""
    import io
    import unittest
    if kind == "pytest":
        paths = test_files()
        if plain(paths):
            return lambda: run_plain(paths)
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        import pytest
        return lambda: int(pytest.main(["-q", "-x", "-p", "no:cacheprovider"]))

    def unittest_run():
        suite = unittest.TestLoader().discover(".")
        result = unittest.TextTestRunner(stream=io.StringIO(), failfast=True).run(suite)
        return 0 if result.wasSuccessful() else 1
    return unittest_run


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-mutants", type=int, default=20)
    parser.add_argument("--runner", choices=("pytest", "unittest"), default="unittest")
    parser.add_argument("--interfaces", required=True)
    parser.add_argument("--time-budget", type=float, default=60.0,
                        help="seconds after which no further mutant starts; the score counts those that ran")
    args = parser.parse_args()
    started = time.monotonic()
    interfaces = json.loads(args.interfaces)
    copy_project()
    candidates = []
    sources = {}
    for path, signatures in interfaces.items():
        names = promised_names(signatures)
        try:
            source, count = mutation_points(path, names)
        except (OSError, SyntaxError) as error:
            print("not mutated: %s: %s" % (path, error))
            continue
        sources[path] = (source, names)
        candidates.extend((path, number) for number in range(count))
    chosen = candidates
    if len(candidates) > args.max_mutants:
        picked = set(random.Random(args.seed).sample(range(len(candidates)), args.max_mutants))
        chosen = [c for i, c in enumerate(candidates) if i in picked]
    runner = test_runner(args.runner)
    baseline_started = time.monotonic()
    baseline = run_tests(runner, 60)
    baseline_seconds = time.monotonic() - baseline_started
    if baseline != "passed":
        print("mutation check skipped: the unchanged tests %s in the mutation copy" % baseline)
        return 0
    timeout = max(2.0, 5 * baseline_seconds)
    survivors = []
    ran = 0
    for path, number in chosen:
        if time.monotonic() - started > args.time_budget:
            print("time budget of %.0f s spent: %d of %d mutants not run" % (args.time_budget, len(chosen) - ran,
                                                                              len(chosen)))
            break
        ran += 1
        source, names = sources[path]
        text, (function, line, description) = mutant(path, source, names, number)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        outcome = run_tests(runner, timeout)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(source)
        verdict = "survived" if outcome == "passed" else "killed" if outcome == "failed" else "killed (timed out)"
        print("%s: %s:%d in %s(): %s" % (verdict, path, line, function, description))
        if outcome == "passed":
            survivors.append(path)
    print("mutation score: %d/%d killed (%d mutation points, %.1f s)"
          % (ran - len(survivors), ran, len(candidates), time.monotonic() - started))
    return 0


sys.exit(main())
