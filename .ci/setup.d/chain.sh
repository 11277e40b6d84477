# chain-client: Node.js packages for the reference tests (ipfs-unixfs-importer CIDs, js-sha3
# anchor vectors), solc and the EAS artifacts (contract build, benchmark), and anvil for the ITs.
# Sourced by .ci/run (bash, root, set -euo pipefail). Idempotent: quick when all is in place.
chain_root="$(pwd)"
if ! command -v npm >/dev/null 2>&1; then
    echo "[ci] chain: installing nodejs and npm"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
for chain_dir in chain-client/src/test/js chain-client/src/main/solidity; do
    if [ ! -f "$chain_dir/node_modules/.package-lock.json" ] || [ "$chain_dir/package-lock.json" -nt "$chain_dir/node_modules/.package-lock.json" ]; then
        echo "[ci] chain: npm ci in $chain_dir"
        (cd "$chain_dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
done
# anvil: the same install the tool does on first use (AnvilInstaller: same cache dir, same pinned version)
chain_anvil_version="$(sed -n 's/.*String VERSION = "\(.*\)";.*/\1/p' chain-client/src/main/java/org/reeltrace/chain/AnvilInstaller.java)"
chain_cache="${REELTRACE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/reeltrace}/anvil"
if [ ! -x "$chain_cache/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" ]; then
    echo "[ci] chain: installing anvil $chain_anvil_version into $chain_cache"
    mkdir -p "$chain_cache"
    npm install --prefix "$chain_cache" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
        "@foundry-rs/anvil-linux-amd64@$chain_anvil_version"
fi
"$chain_cache/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil" --version | sed -n 1p
cd "$chain_root"
