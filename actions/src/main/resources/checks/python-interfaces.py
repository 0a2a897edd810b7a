# Interface check of a generated Python project: every function, class and method the design promised
# exists in its file with the declared parameters. Usage: python3 -c "$(cat this)" '{"a.py": ["def f(x: int) -> int"]}'
# Signatures are read as models write them: "def f(a, b=1) -> T", "async def f()", "f(a)", "class C(Base)",
# "class C: def m(self, x)", "C.m(self, x)". Entries that name no function or class (constants, fields) are skipped.
import ast
import importlib
import inspect
import json
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, ".")

CALLABLE = re.compile(r"^\s*(?:async\s+)?(?:def\s+)?([A-Za-z_][\w.]*)\s*\((.*)\)\s*(?:->.*?)?:?\s*$", re.S)
CLASS = re.compile(r"^\s*(?:@[\w.]+(?:\(.*?\))?\s+)?class\s+([A-Za-z_]\w*)")
SELF = ("self", "cls")


def declared_parameters(text):
    """The parameters of a declared list as (names, variadic), or None when the list cannot be read."""
    try:
        node = ast.parse("def _f(" + text + "): pass").body[0].args
    except SyntaxError:
        return None
    names = [a.arg for a in node.posonlyargs + node.args + node.kwonlyargs]
    return [n for n in names if n not in SELF], node.vararg is not None or node.kwarg is not None


def promises(signature):
    """(owner class or None, name, parameter text or None) for each callable a signature string promises."""
    found = []
    owner = None
    pieces = re.split(r";|\n", signature)
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        klass = CLASS.match(piece)
        if klass:
            owner = klass.group(1)
            found.append((None, owner, None))
            rest = piece[klass.end():].lstrip()
            rest = re.sub(r"^\([^)]*\)", "", rest).lstrip().lstrip(":").strip()
            if not rest:
                continue
            piece = rest
        match = CALLABLE.match(piece)
        if not match:
            continue
        name, params = match.group(1), match.group(2)
        if "." in name:
            cls, _, name = name.rpartition(".")
            found.append((cls, name, params))
        else:
            found.append((owner if piece.startswith(("def", "async")) and owner else None, name, params))
    return found


def actual_parameters(obj):
    try:
        parameters = list(inspect.signature(obj).parameters.values())
    except (TypeError, ValueError):
        return None
    if parameters and parameters[0].name in SELF:
        parameters = parameters[1:]
    return parameters


def compare(expected, obj):
    """None when the callable accepts the declared parameters, else what differs."""
    parameters = actual_parameters(obj)
    if parameters is None or expected is None:
        return None
    names, variadic = expected
    kinds = inspect.Parameter
    if variadic or any(p.kind in (kinds.VAR_POSITIONAL, kinds.VAR_KEYWORD) for p in parameters):
        return None
    actual = [p.name for p in parameters]
    missing = [n for n in names if n not in actual]
    if missing:
        return "lacks the parameter(s) " + ", ".join(missing)
    extra = [p.name for p in parameters if p.name not in names and p.default is kinds.empty]
    if extra:
        return "requires parameter(s) the design does not declare: " + ", ".join(extra)
    ordered = [n for n in actual if n in names]
    if ordered != names:
        return "takes the parameters in another order"
    return None


def module_name(path):
    module = path[:-3].replace("/", ".")
    return module[: -len(".__init__")] if module.endswith(".__init__") else module


def check(path, signatures, problems):
    try:
        module = importlib.import_module(module_name(path))
    except BaseException as error:
        problems.append("%s: cannot be imported to check its interface: %s: %s" % (path, type(error).__name__, error))
        return 0
    checked = 0
    missing_owners = set()
    for signature in signatures:
        for owner, name, params in promises(signature):
            checked += 1
            where = module if owner is None else getattr(module, owner, None)
            if owner is not None and where is None:
                if owner not in missing_owners:
                    missing_owners.add(owner)
                    problems.append("%s: class %s is missing; the design promises: %s"
                                    % (path, owner, signature.strip()))
                continue
            qualified = name if owner is None else owner + "." + name
            obj = getattr(where, name, None)
            if obj is None:
                if owner is None and params is None:
                    missing_owners.add(name)
                problems.append("%s: %s is missing; the design promises: %s" % (path, qualified, signature.strip()))
                continue
            if params is None:
                continue
            if not callable(obj):
                problems.append("%s: %s is a %s, not a function; the design promises: %s"
                                % (path, qualified, type(obj).__name__, signature.strip()))
                continue
            difference = compare(declared_parameters(params), obj)
            if difference:
                actual = qualified + str(inspect.signature(obj))
                problems.append("%s: %s %s; expected: %s; actual: %s"
                                % (path, qualified, difference, signature.strip(), actual))
    return checked


def main():
    interfaces = json.loads(sys.argv[1])
    problems = []
    checked = sum(check(path, signatures, problems) for path, signatures in interfaces.items())
    for problem in problems:
        print("interface mismatch: " + problem)
    print("interface check: %d problem(s) in %d promised name(s) of %d file(s)"
          % (len(problems), checked, len(interfaces)))
    return 1 if problems else 0


sys.exit(main())
