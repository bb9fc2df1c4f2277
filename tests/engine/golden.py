"""Golden output: the engine's results for 3,000 seeded answer sets, kept as short hashes.

``make golden`` (``python -m tests.engine.golden``) records them in ``golden_output.txt``,
keyed by the engine version (``ENGINE_VERSION``) and the knowledge version (the data's hash);
``test_golden_output.py`` recomputes them and fails on any difference. An output change with the
same two versions is an unversioned change: the command refuses to record it until
``ENGINE_VERSION`` is bumped. A knowledge change gives a new knowledge version by itself, so
recording again is all it needs; the command says how many results changed.

The answer sets are made by the questionnaire's own generator (2,000 uniform, seed 1, and
1,000 ``--calm``, seed 2, so about a hundred take the online-plan route); a digest of all of
them is kept too, so a change of the generator is told apart from a change of the engine.
Each hash covers a result's JSON without its two version fields, so a data edit that changes
no result (an article's wording) leaves every hash as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from follicle.engine import ENGINE_VERSION, run
from follicle.engine.generate import random_answers
from follicle.knowledge import Knowledge, default_knowledge

GOLDEN = Path(__file__).with_name("golden_output.txt")
#: (seed, how many, calm) for each run of generated answer sets, in order.
RUNS = ((1, 2000, False), (2, 1000, True))
HASH_CHARS = 12  # 48 bits a result: a changed result goes unseen once in 2^48


@dataclass(frozen=True)
class Record:
    engine_version: str
    knowledge_version: str
    #: A digest of every generated answer set, in order.
    inputs: str
    #: One short hash per answer set, in order.
    outputs: tuple[str, ...]

    def dump(self) -> str:
        header = [
            "# Golden output of the engine: make golden (python -m tests.engine.golden) rewrites it.",
            f"engine {self.engine_version}",
            f"knowledge {self.knowledge_version}",
            f"inputs {self.inputs}",
        ]
        return "\n".join(header + list(self.outputs)) + "\n"

    @classmethod
    def parse(cls, text: str) -> Record:
        lines = [line for line in text.splitlines() if line and not line.startswith("#")]
        fields = dict(line.split(" ", 1) for line in lines[:3])
        return cls(fields["engine"], fields["knowledge"], fields["inputs"], tuple(lines[3:]))


def answer_sets(knowledge: Knowledge) -> list[dict[str, object]]:
    sets: list[dict[str, object]] = []
    for seed, count, calm in RUNS:
        rng = random.Random(seed)
        sets.extend(random_answers(knowledge, rng, calm=calm) for _ in range(count))
    return sets


def output_hash(raw: dict[str, object], knowledge: Knowledge) -> str:
    result = run(raw, knowledge)
    if isinstance(result, list):  # a generated set is always valid; record the errors if not
        text = json.dumps([[e.field, e.message] for e in result])
    else:
        text = dataclasses.replace(result, engine_version="", knowledge_version="").to_json()
    return hashlib.sha256(text.encode()).hexdigest()[:HASH_CHARS]


def record(knowledge: Knowledge) -> Record:
    sets = answer_sets(knowledge)
    inputs = hashlib.sha256(
        "\n".join(json.dumps(raw, sort_keys=True) for raw in sets).encode()
    ).hexdigest()
    return Record(
        engine_version=ENGINE_VERSION,
        knowledge_version=knowledge.version,
        inputs=inputs,
        outputs=tuple(output_hash(raw, knowledge) for raw in sets),
    )


def changed(stored: Record, now: Record) -> list[int]:
    """The positions of the answer sets whose result hash differs."""
    if len(stored.outputs) != len(now.outputs):
        return list(range(max(len(stored.outputs), len(now.outputs))))
    return [n for n, (a, b) in enumerate(zip(stored.outputs, now.outputs, strict=True)) if a != b]


def unversioned(stored: Record, now: Record) -> bool:
    """Results changed while neither version nor the answer sets did: not allowed."""
    return (
        stored.engine_version == now.engine_version
        and stored.knowledge_version == now.knowledge_version
        and stored.inputs == now.inputs
        and bool(changed(stored, now))
    )


def problem(stored: Record, now: Record) -> str | None:
    """What is wrong with the stored record for today's engine and data, or None."""
    if stored == now:
        return None
    differ = changed(stored, now)
    where = ", ".join(str(n) for n in differ[:10]) + (" ..." if len(differ) > 10 else "")
    summary = f"{len(differ)} of {len(now.outputs)} results changed" + (
        f" (answer sets {where}; `python -m tests.engine.golden --show N` prints set N)"
        if differ
        else ""
    )
    if unversioned(stored, now):
        return (
            f"{summary}, but the engine version ({now.engine_version}) and the knowledge version "
            "did not: if the change is meant, bump ENGINE_VERSION in "
            "src/follicle/engine/assessment.py, then run `make golden`; if not, it is a regression."
        )
    reasons = []
    if stored.engine_version != now.engine_version:
        reasons.append(f"engine {stored.engine_version} -> {now.engine_version}")
    if stored.knowledge_version != now.knowledge_version:
        reasons.append("the knowledge data changed")
    if stored.inputs != now.inputs:
        reasons.append("the generated answer sets changed (generator or questionnaire)")
    return f"{summary}; {', '.join(reasons)}: record the new output with `make golden`."


def main(argv: list[str]) -> int:
    knowledge = default_knowledge()
    if argv[:1] == ["--show"] and len(argv) == 2:
        print(json.dumps(answer_sets(knowledge)[int(argv[1])], indent=2))
        return 0
    if argv:
        print("usage: python -m tests.engine.golden [--show N]", file=sys.stderr)
        return 2
    now = record(knowledge)
    stored = Record.parse(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else None
    if stored is not None and unversioned(stored, now):
        print(problem(stored, now), file=sys.stderr)
        print("Nothing recorded.", file=sys.stderr)
        return 1
    GOLDEN.write_text(now.dump(), encoding="utf-8")
    count = len(changed(stored, now)) if stored is not None else len(now.outputs)
    print(
        f"Recorded {len(now.outputs)} results for engine {now.engine_version}, knowledge "
        f"{now.knowledge_version[:12]}; {count} differ from the last record."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
