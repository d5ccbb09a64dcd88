#!/usr/bin/env bash
# Points the production overlay at the images a release just pushed, by digest:
#
#   scripts/set-image-digests.sh REGISTRY [KUSTOMIZATION]
#
# after "./mvnw ... jib:build -Ddapp.image.registry=REGISTRY" (k8s/README.md, "Images"), which
# leaves each runnable module's pushed digest in <module>/target/jib-image.digest. Sets newName
# (REGISTRY/dapp-<module>) and digest of the four entries under images: in
# k8s/overlays/production/kustomization.yaml (or the file given), and refuses a missing or
# malformed digest. Commit the result with the release tag: the manifests then name exactly the
# images that were built and tested, which a reused tag cannot guarantee.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
MODULES=(gateway risk-matrix-service programme-service partner-support-service)

die() { echo "set-image-digests: $*" >&2; exit 1; }

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: $0 REGISTRY [KUSTOMIZATION]"
registry=${1%/}
file=${2:-$ROOT/k8s/overlays/production/kustomization.yaml}
[ -f "$file" ] || die "$file does not exist"

for module in "${MODULES[@]}"; do
  digest_file="$ROOT/$module/target/jib-image.digest"
  [ -f "$digest_file" ] || die "$digest_file is missing: build and push the images first (jib:build)"
  digest=$(tr -d '[:space:]' < "$digest_file")
  [[ $digest =~ ^sha256:[0-9a-f]{64}$ ]] || die "$digest_file does not hold a sha256 digest"
  grep -q "^  - name: dapp-$module\$" "$file" || die "$file has no images: entry dapp-$module"
  updated=$(awk -v name="dapp-$module" -v image="$registry/dapp-$module" -v digest="$digest" '
    /^  - name: / { block = ($0 == "  - name: " name) }
    block && $1 == "newName:" { print "    newName: " image; next }
    block && $1 == "digest:" { print "    digest: " digest; seen = 1; next }
    { print }
    END { if (!seen) exit 3 }' "$file") || die "the dapp-$module entry in $file has no digest: line"
  printf '%s\n' "$updated" > "$file"
  echo "dapp-$module: $registry/dapp-$module@$digest"
done
