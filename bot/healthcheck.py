"""`python -m bot.healthcheck`: exit 0 when the bot's /healthz answers 200, 1 otherwise.

For a container's HEALTHCHECK (Dockerfile, compose.yaml). The standard library only, so that a
check every 30 s costs a few milliseconds: it reads the settings that say where /healthz is
from the environment, as the container passes them (webhook mode serves it on WEBHOOK_PORT;
polling mode on METRICS_PORT, which the image sets).
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping

_ANY_ADDRESS = ("", "0.0.0.0", "::", "*")
TIMEOUT = 3.0


def health_url(env: Mapping[str, str]) -> str | None:
    """Where /healthz is served, or None when it is not (polling without METRICS_PORT)."""
    if env.get("BOT_MODE", "polling").strip().lower() == "webhook":
        host, port = env.get("WEBHOOK_LISTEN", "127.0.0.1"), env.get("WEBHOOK_PORT", "8443")
    else:
        host, port = env.get("METRICS_LISTEN", "127.0.0.1"), env.get("METRICS_PORT", "")
    host, port = host.strip(), port.strip()
    if not port:
        return None
    if host in _ANY_ADDRESS:  # listening everywhere: ask over loopback
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/healthz"


def main() -> int:
    url = health_url(os.environ)
    if url is None:
        print("unhealthy: in polling mode /healthz is served only when METRICS_PORT is set", file=sys.stderr)
        return 1
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            if response.status == 200:
                return 0
            print(f"unhealthy: {url} answered {response.status}", file=sys.stderr)
    except (OSError, ValueError) as exc:  # refused, timed out, an HTTP error status
        print(f"unhealthy: {url}: {type(exc).__name__}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
