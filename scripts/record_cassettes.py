"""Re-record the cassettes (and the snapshots the replays are checked against) from a real server.

    python scripts/record_cassettes.py                      # starts the embedded llama.cpp server
    python scripts/record_cassettes.py --base-url URL --model NAME [--api-key-env OPENAI_API_KEY]

Run it after any change to prompts/, the Extraction schema or the sentence splitter: replays match
requests on their body, so a changed prompt no longer finds its recording. Never edit a cassette.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RECORDED_TESTS = ["tests/test_seed_replays.py", "tests/test_hostile.py"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", help="an OpenAI-compatible server; default: start the local model")
    ap.add_argument("--model", help="model name on that server")
    ap.add_argument("--api-key-env", default=None, help="name of the environment variable holding the key")
    ap.add_argument("-k", dest="select", help="only tests matching this pytest -k expression")
    args = ap.parse_args()

    env = dict(os.environ, SUMMARIZER_UPDATE_SNAPSHOTS="1")
    if args.api_key_env:
        env["SUMMARIZER_RECORD_API_KEY"] = os.environ[args.api_key_env]
    pytest = [sys.executable, "-m", "pytest", *RECORDED_TESTS, "--record-mode=rewrite", "--durations=0", "-v"]
    if args.select:
        pytest += ["-k", args.select]

    if args.base_url:
        if not args.model:
            ap.error("--model is required with --base-url")
        env.update(SUMMARIZER_RECORD_URL=args.base_url, SUMMARIZER_RECORD_MODEL=args.model)
        return subprocess.call(pytest, cwd=ROOT, env=env)

    from summarizer.extract.client import ModelConfig
    from summarizer.extract.provider import EmbeddedModel

    embedded = EmbeddedModel(ModelConfig.from_env())  # the shipped model, or SUMMARIZER_GGUF's
    try:
        embedded.connect()
        print(f"recording from the local model {embedded.config.model} at {embedded.url()}", flush=True)
        env.update(SUMMARIZER_RECORD_URL=embedded.url(), SUMMARIZER_RECORD_MODEL=embedded.config.model)
        return subprocess.call(pytest, cwd=ROOT, env=env)
    finally:
        embedded.close()


if __name__ == "__main__":
    raise SystemExit(main())
