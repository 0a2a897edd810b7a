# Runs PIT in the build copy: writes the pom that adds its plugin over the copy's pom.xml, runs the mvn
# command given (offline), and prints PIT's mutations.xml after a line "mutations.xml:", without the
# elements the check does not read, so that a report of many mutants fits in the kept output.
# Usage: sh -c "$(cat this)" sh POM_XML MVN_COMMAND...
printf '%s\n' "$1" > pom.xml
shift
if ! "$@" > ../pit.log 2>&1; then
  tail -n 40 ../pit.log
  exit 1
fi
echo "mutations.xml:"
sed -e 's#<sourceFile>[^<]*</sourceFile>##' -e 's#<methodDescription>[^<]*</methodDescription>##' \
    -e 's#<indexes>.*</indexes>##' -e 's#<blocks>.*</blocks>##' -e 's#<killingTests\{0,1\}>[^<]*</killingTests\{0,1\}>##' \
    -e 's#<succeedingTests>[^<]*</succeedingTests>##' -e 's#<coveringTests>[^<]*</coveringTests>##' \
    -e 's#<[A-Za-z]*/>##g' target/pit-reports/mutations.xml
