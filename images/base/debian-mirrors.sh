#!/bin/sh
# Prints the machine's Debian bookworm apt sources as one-line entries "URI SUITE COMPONENTS...",
# read from /etc/apt/sources.list.d/*.sources (deb822) and /etc/apt/sources.list* (one-line format).
# Only suites named bookworm or bookworm-* count, so third-party repositories are ignored.
set -eu
APT_DIR=${APT_DIR:-/etc/apt}

deb822() {
    # Stanzas are separated by blank lines; fields may be folded. We only need four single-line fields.
    awk '
        function flush() {
            if (types ~ /(^| )deb( |$)/ && enabled != "no") {
                n = split(uris, u, " "); m = split(suites, s, " ")
                for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
                    if (s[j] ~ /^bookworm(-[a-z]+)?$/) print u[i], s[j], comps
            }
            types = uris = suites = comps = ""; enabled = "yes"
        }
        BEGIN { enabled = "yes" }
        /^[ \t]*$/ { flush(); next }
        /^#/ { next }
        tolower($1) == "types:"      { $1 = ""; types = substr($0, 2) }
        tolower($1) == "uris:"       { $1 = ""; uris = substr($0, 2) }
        tolower($1) == "suites:"     { $1 = ""; suites = substr($0, 2) }
        tolower($1) == "components:" { $1 = ""; comps = substr($0, 2) }
        tolower($1) == "enabled:"    { enabled = tolower($2) }
        END { flush() }
    ' "$1"
}

oneline() {
    # "deb [options] URI SUITE COMPONENTS..."
    awk '
        $1 != "deb" { next }
        {
            i = 2
            if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            uri = $i; suite = $(i + 1); comps = ""
            for (k = i + 2; k <= NF; k++) comps = comps (comps == "" ? "" : " ") $k
            if (suite ~ /^bookworm(-[a-z]+)?$/) print uri, suite, comps
        }
    ' "$1"
}

{
    for f in "$APT_DIR"/sources.list.d/*.sources; do [ -f "$f" ] && deb822 "$f"; done
    for f in "$APT_DIR"/sources.list "$APT_DIR"/sources.list.d/*.list; do [ -f "$f" ] && oneline "$f"; done
} | awk '!seen[$0]++'
