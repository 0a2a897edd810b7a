# Prints a Python environment as one JSON object: language, interpreter version, and every installed
# distribution with its version, except the installer's own (pip, setuptools, wheel).
import importlib.metadata
import json
import platform

INSTALLER = {"pip", "setuptools", "wheel"}
packages = {}
for dist in importlib.metadata.distributions():
    name = dist.metadata["Name"]
    if name and name.lower() not in INSTALLER:
        packages[name] = dist.version
print(json.dumps({"language": "python", "version": platform.python_version(),
                  "packages": dict(sorted(packages.items(), key=lambda p: p[0].lower()))}))
