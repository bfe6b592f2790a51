#!/usr/bin/env bash
# The container's root file system beside the application: a Java runtime cut to what the desk uses (jlink) and the
# C libraries it loads, copied from the build machine (Debian), so that the image needs no base image from a registry.
# Usage: make-root.sh OUT_DIR
set -euo pipefail
out="$1"
rm -rf "$out"
mkdir -p "$out/opt" "$out/data" "$out/tmp" "$out/etc"
jlink --add-modules java.se,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.management,jdk.net,jdk.naming.dns,jdk.localedata \
  --output "$out/opt/java" --strip-debug --no-header-files --no-man-pages --compress=2
# every shared library the runtime loads, with the loader, at the paths they have here
libs="$( { ldd "$out/opt/java/bin/java"; find "$out/opt/java/lib" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | grep -oE '/[^ ]+\.so[^ ]*' | sort -u)"
for lib in $libs; do
  [ -e "$lib" ] || continue
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# name service and time zones, which the JVM reads; a user the desk runs as, not root
printf 'root:x:0:0:root:/root:/sbin/nologin\nredress:x:10001:10001:redress:/data:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nredress:x:10001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' > "$out/etc/hosts"
chmod 1777 "$out/tmp"
echo "container root: $(du -sh "$out" | cut -f1) in $out"
