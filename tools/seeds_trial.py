"""A new user's first trial: the brief's example claims against the five raw seeds alone.

    python tools/seeds_trial.py [--seeds ../shared/seeds] [--stance-model PATH] [--verdict-model PATH]

Ingests ``../shared/seeds`` (five scraped pages, nothing else) into a fresh store with
``burhan ingest`` and checks, with ``burhan check --json`` (k = 20), the claims of the brief
(«لافروف: روسيا ستواصل عملياتها في شرق حلب», stated word for word in seed 001, and «مقتل 1300 مدني
في سوريا خلال نوفمبر», stated in the same page), the issue's contradicted one, and a paraphrase of
the first (probe paraphrase-01, «روسيا ماضية في عملياتها …»). Prints each
verdict, basis, P(true) and the stance of every article that is not unrelated. The probes
(``tests/data/probes.jsonl``) check these claims over the seeds *and* the demo corpus, whose wire
story confirms them; here only the seeds speak.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ("لافروف: روسيا ستواصل عملياتها في شرق حلب",
          "مقتل 1300 مدني في سوريا خلال نوفمبر",
          "لافروف يعلن أن روسيا أوقفت عملياتها العسكرية في حلب",
          "روسيا ماضية في عملياتها العسكرية شرقي حلب بحسب وزير خارجيتها")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--stance-model", type=Path)
    parser.add_argument("--verdict-model", type=Path)
    args = parser.parse_args()
    models = [*(["--stance-model", str(args.stance_model)] if args.stance_model else []),
              *(["--verdict-model", str(args.verdict_model)] if args.verdict_model else [])]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "seeds.db")
        subprocess.run(["burhan", "ingest", str(args.seeds), "--db", db], check=True, capture_output=True)
        for claim in CLAIMS:
            done = subprocess.run(["burhan", "check", claim, "--db", db, "--json", *models],
                                  check=True, capture_output=True, text=True)
            result = json.loads(done.stdout)
            stances = [(e["origin"].rsplit("/", 1)[-1][:3], e["stance"], round(e["stance_probs"][e["stance"]], 2))
                       for e in result["evidence"] if e["stance"] != "unrelated"]
            print(f"{claim}\n  {result['verdict']} ({result['basis']}), P(true) {result['p_true']}; "
                  f"seeds not unrelated: {stances}")


if __name__ == "__main__":
    main()
