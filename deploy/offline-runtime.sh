#!/bin/sh
# Makes target/offline-runtime: the files an image on "scratch" needs to run Ligeværd — a Java
# runtime made with jlink from the local JDK 21+, the C libraries it links against (taken from this
# machine), a passwd entry for the non-root user 65532 and a /tmp. Used by the offline-image Maven
# profile where no registry can be reached (docs/container.md); elsewhere build on the default
# base image instead.
set -eu
JDK=${JAVA_HOME:?set JAVA_HOME to a JDK 21+}
OUT=$(realpath -m "${1:-target/offline-runtime}")
rm -rf "$OUT"
mkdir -p "$OUT/opt" "$OUT/etc" "$OUT/tmp"
# Every module of the JDK but the tools (a JDK without jmods links from its own run-time image).
MODULES=$("$JDK/bin/java" --list-modules | sed 's/@.*//' | grep -v -e '^jdk.jlink$' -e '^jdk.jpackage$' \
    -e '^jdk.incubator' -e '^jdk.compiler$' -e '^jdk.javadoc$' -e '^jdk.jshell$' -e '^jdk.jdeps$' -e '^jdk.jconsole$' | paste -sd, -)
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$OUT/opt/java"
# Every shared library the runtime needs, at the path it is found at here.
find "$OUT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) -exec ldd {} \; 2>/dev/null \
    | grep -o '/[^ ]*\.so[^ ]*' | sort -u | while read -r lib; do
        case "$lib" in "$OUT"*) continue ;; esac
        mkdir -p "$OUT$(dirname "$lib")"
        cp -L "$lib" "$OUT$lib"
    done
printf 'root:x:0:0:root:/root:/sbin/nologin\nligevaerd:x:65532:65532:Ligeværd:/tmp:/sbin/nologin\n' > "$OUT/etc/passwd"
printf 'root:x:0:\nligevaerd:x:65532:\n' > "$OUT/etc/group"
echo "runtime in $OUT: $(du -sh "$OUT" | cut -f1)"
