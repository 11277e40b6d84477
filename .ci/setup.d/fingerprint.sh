# fingerprint: the robustness suite's subtitle attack draws text with FFmpeg's drawtext and a
# DejaVu font (without it the attack falls back to a bare box). Sourced by .ci/run as root.
if [ ! -r /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
fi
# PostgresCatalogIT runs the catalog on a throwaway PostgreSQL cluster from Debian's server binaries.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
