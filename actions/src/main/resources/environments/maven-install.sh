# Resolves a Maven project's plugins and dependencies into .sf/m2, the project's own repository, so
# that its build and tests run offline afterwards. It builds a copy that holds only the pom and one
# empty test of the framework the pom names: the test phase's plugins and the test provider resolve,
# and none of the project's code runs. Another pom and goals resolve what they need the same way (the
# mutation check's plugin), once: the same arguments again do nothing.
# Usage: sh -c "$(cat this)" sh [SETTINGS_XML [POM_XML GOAL...]]
set -e
sf="$PWD/.sf"
mkdir -p "$sf"
if [ $# -gt 2 ] && [ -d "$sf/m2" ] && printf '%s\n' "$@" | cmp -s - "$sf/resolved"; then
  exit 0
fi
settings=""
if [ -n "$1" ]; then
  printf '%s\n' "$1" > "$sf/maven-settings.xml"
  settings="-s $sf/maven-settings.xml"
fi
rm -rf "$sf/install" "$sf/resolved.new"
mkdir -p "$sf/install/src/test/java/sfprobe"
if [ $# -gt 2 ]; then
  printf '%s\n' "$@" > "$sf/resolved.new"
  printf '%s\n' "$2" > "$sf/install/pom.xml"
  shift 2
else
  cp pom.xml "$sf/install/"
  set -- test
fi
pom="$sf/install/pom.xml"
probe="$sf/install/src/test/java/sfprobe/SfProbeTest.java"
if grep -q 'junit-jupiter' "$pom"; then
  printf 'package sfprobe;\n\nclass SfProbeTest {\n    @org.junit.jupiter.api.Test\n    void resolves() {\n    }\n}\n' > "$probe"
elif grep -q '<artifactId>junit</artifactId>' "$pom"; then
  printf 'package sfprobe;\n\npublic class SfProbeTest {\n    @org.junit.Test\n    public void resolves() {\n    }\n}\n' > "$probe"
elif grep -q '<artifactId>testng</artifactId>' "$pom"; then
  printf 'package sfprobe;\n\npublic class SfProbeTest {\n    @org.testng.annotations.Test\n    public void resolves() {\n    }\n}\n' > "$probe"
fi
cd "$sf/install"
mvn -B -q -Dmaven.repo.local="$sf/m2" $settings "$@"
rm -rf "$sf/install"
[ ! -f "$sf/resolved.new" ] || mv "$sf/resolved.new" "$sf/resolved"
