# Shared by the bench/drm scripts: paths, the reeltrace jar (built when missing) and a timer.
# Expects $root (repository root) and $dir (work directory) to be set by the caller.
mkdir -p "$dir"
cd "$dir"
jar="$root/cli/target/reeltrace.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -pl cli -am package -DskipTests)
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

# measure NAME COMMAND...: one markdown row with wall, user and sys seconds and max RSS
measure() {
    local name="$1"; shift
    sync
    /usr/bin/time -f "| $name | %e | %U | %S | %M |" "$@" 2>&1 >/dev/null | tail -1
}
