# Prints a Maven project's environment as one JSON object: language, the JDK's version, and the
# artifacts the install resolved into .sf/m2 that are not Maven's own (plugins and their libraries).
version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
printf '{"language": "java", "version": "%s", "packages": {' "$version"
if [ -d .sf/m2 ]; then
  find .sf/m2 -name '*.jar' | sed 's|^\.sf/m2/||' | grep -v -e '^org/apache/maven/' -e '^org/codehaus/plexus/' \
    | sort | awk -F/ '{ n = NF; version = $(n - 1); artifact = $(n - 2); group = $1;
        for (i = 2; i < n - 2; i++) group = group "." $i;
        printf "%s\"%s:%s\": \"%s\"", (count++ ? ", " : ""), group, artifact, version }'
fi
printf '}}\n'
