# The bot's image (docs/deploying.md): `docker build -t remedy-bot .`, or `docker compose up`.
# Two stages: the first installs the package into a virtual environment; the second is a slim
# Python with that environment alone (no compiler, no pip), run by an unprivileged user.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
# Only what the wheel holds (.dockerignore keeps .env, tests and the rest out of the context).
COPY pyproject.toml README.md ./
COPY knowledge ./knowledge
COPY handlers ./handlers
COPY bot ./bot
# Compiled here, since the unprivileged user cannot write __pycache__ at run time; the
# installers go, as nothing is installed once the image is built.
RUN /opt/venv/bin/pip install . \
    && /opt/venv/bin/pip uninstall --yes pip setuptools \
    && /opt/venv/bin/python -m compileall -q /opt/venv

FROM ${PYTHON_IMAGE} AS runtime
RUN python -m pip uninstall --yes pip setuptools wheel \
    && groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin bot
COPY --from=build /opt/venv /opt/venv
# Webhook mode listens on every interface of the container (the proxy is outside it); polling
# mode serves /healthz, /readyz and /metrics on METRICS_PORT, which the health check needs.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    WEBHOOK_LISTEN=0.0.0.0 \
    WEBHOOK_PORT=8443 \
    METRICS_LISTEN=0.0.0.0 \
    METRICS_PORT=9100
WORKDIR /app
USER 10001:10001
EXPOSE 8443 9100
# SIGTERM stops taking updates and finishes those in progress within SHUTDOWN_GRACE (8 s).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "bot.healthcheck"]
ENTRYPOINT ["python", "-m", "bot"]
