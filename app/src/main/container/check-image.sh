#!/usr/bin/env bash
# Checks the image `mvn -Pimage package` made without a container runtime: unpacks its layers in order into a folder
# and runs the desk there as the image's user, in a chroot with /proc, as a runtime would. Needs root.
# Usage: check-image.sh IMAGE_TAR
set -euo pipefail
image="$1"
work="$(mktemp -d)"
root="$work/root"
mkdir -p "$work/image" "$root"
tar -xf "$image" -C "$work/image"
# docker-archive: manifest.json names the layers in order
for layer in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$work/image/manifest.json"); do
  tar -xzf "$work/image/$layer" -C "$root" 2>/dev/null || tar -xf "$work/image/$layer" -C "$root"
done
config="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["Config"])' "$work/image/manifest.json")"
user="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"]["User"])' "$work/image/$config")"
volumes="$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["config"].get("Volumes", {})))' "$work/image/$config")"
[ "$user" != "0" ] && [ "$user" != "root" ] && [ -n "$user" ] || { echo "check-image: the image runs as root" >&2; exit 1; }
[ "$volumes" = "/data" ] || { echo "check-image: the image's volume is '$volumes', not /data" >&2; exit 1; }
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
run() { chroot --userspec="$user" "$root" /opt/java/bin/java -cp @/app/jib-classpath-file org.redress.app.Main "$@"; }
run --version
run channels >/dev/null
# the desk starts as the image's user on its volume, and answers
(cd / && chroot --userspec="$user" "$root" /bin/true 2>/dev/null || true)
# a port nobody holds, so that the answer can only be this desk's
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
chroot --userspec="$user" "$root" /opt/java/bin/java -cp @/app/jib-classpath-file org.redress.app.Main \
  serve --db jdbc:h2:file:/data/redress --host 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; umount "$root/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { echo "check-image: the desk stopped:" >&2; cat "$work/serve.log" >&2; exit 1; }
  if curl -fsS "http://127.0.0.1:$port/api/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/health/ready"
echo
kill "$pid"; wait "$pid" 2>/dev/null || true
owner_mode="$(stat -c '%u %a' "$root/data/redress.mv.db")"
[ "$owner_mode" = "${user%%:*} 600" ] || { echo "check-image: the database is '$owner_mode', not the image user's 0600" >&2; exit 1; }
echo "check-image: $image runs as user $user with /data as its volume"
