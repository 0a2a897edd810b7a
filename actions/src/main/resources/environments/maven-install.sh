# Resolves a Maven project's plugins and dependencies into .sf/m2, the project's own repository, so
# that its build and tests run offline afterwards. It builds a copy that holds only the pom and one
# empty test of the framework the pom names: the test phase's plugins and the test provider resolve,
# and none of the project's code runs. Usage: sh -c "$(cat this)" sh [SETTINGS_XML]
set -e
sf="$PWD/.sf"
mkdir -p "$sf"
settings=""
if [ -n "$1" ]; then
  printf '%s\n' "$1" > "$sf/maven-settings.xml"
  settings="-s $sf/maven-settings.xml"
fi
rm -rf "$sf/install"
mkdir -p "$sf/install/src/test/java/sfprobe"
cp pom.xml "$sf/install/"
probe="$sf/install/src/test/java/sfprobe/SfProbeTest.java"
if grep -q 'junit-jupiter' pom.xml; then
  printf 'package sfprobe;\n\nclass SfProbeTest {\n    @org.junit.jupiter.api.Test\n    void resolves() {\n    }\n}\n' > "$probe"
elif grep -q '<artifactId>junit</artifactId>' pom.xml; then
  printf 'package sfprobe;\n\npublic class SfProbeTest {\n    @org.junit.Test\n    public void resolves() {\n    }\n}\n' > "$probe"
elif grep -q '<artifactId>testng</artifactId>' pom.xml; then
  printf 'package sfprobe;\n\npublic class SfProbeTest {\n    @org.testng.annotations.Test\n    public void resolves() {\n    }\n}\n' > "$probe"
fi
cd "$sf/install"
mvn -B -q -Dmaven.repo.local="$sf/m2" $settings test
rm -rf "$sf/install"
