"""Benchmark: what the learned reading of long messages costs `ask`.

Asks each message with the learned reading (intent model and topic chooser) and by the rules
alone, in turn and in the same process, and reports per-message medians and their ratio.
The messages are a dozen written here, or with ``--meqsum N`` the first N MeQSum messages
(from ``$KGQA_DATA``).

    python scripts/bench_messages.py [--repeat 3] [--meqsum 100] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

MESSAGES = [
    "SUBJECT: psoriasis\nMESSAGE: I have had psoriasis for ten years. Nothing from the pharmacy "
    "works anymore and I am so tired of it.",
    "SUBJECT: my daughter\nMESSAGE: My daughter was diagnosed with Marfan syndrome last year. "
    "She is 12. What are the symptoms we should watch for?",
    "My father has gout and it is getting worse every month. He is 70 and lives alone. I want "
    "him to get better.",
    "SUBJECT: my pills\nMESSAGE: I started taking metformin two months ago. Since then I feel "
    "sick every morning. Is that from the pills?",
    "SUBJECT: help\nMESSAGE: My wife suffers from migraine since her pregnancy. She cannot sleep "
    "and cries every night. We do not know where to turn.",
    "SUBJECT: insurance\nMESSAGE: I have asthma. Which hospitals in Ohio have a specialist who "
    "takes my insurance?",
    "SUBJECT: cystic fibrosis\nMESSAGE: My son has cystic fibrosis. Is it inherited, and can "
    "his sister pass it on?",
    "SUBJECT: stiff neck\nMESSAGE: I have a stiff neck that will not go away. Please help me.",
    "SUBJECT: research\nMESSAGE: I am writing a school report on celiac disease. Where can I "
    "find statistics about it in Europe?",
    "SUBJECT: lupus\nMESSAGE: I was diagnosed with lupus in 2015 and take prednisone. My joints "
    "hurt all the time. What else can I take?",
    "SUBJECT: tremor\nMESSAGE: My hands shake when I hold a cup. My mother had the same. What "
    "causes it?",
    "SUBJECT: acne\nMESSAGE: I am 25 and my acne came back after two good years. I need it "
    "gone before my wedding.",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--meqsum", type=int, default=0, help="the first N MeQSum messages instead")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import kgqa

    messages = MESSAGES
    if args.meqsum:
        from kgqa.config import data_dir
        from kgqa.datasets.consumer import MEQSUM_FILE, read_consumer_questions

        items = list(read_consumer_questions(data_dir() / MEQSUM_FILE))
        messages = [q.text for q in items[: args.meqsum]]
    pipeline = kgqa.Pipeline.load()
    qa = pipeline.qa
    for m in messages[:3]:  # warm: models, encoder, caches
        pipeline.ask(m)
    times: dict[bool, list[list[float]]] = {True: [[] for _ in messages],
                                           False: [[] for _ in messages]}  # fmt: skip
    for _ in range(args.repeat):
        for learned in (True, False):
            qa.learned_messages = learned
            for i, m in enumerate(messages):
                t = time.perf_counter()
                pipeline.ask(m)
                times[learned][i].append(time.perf_counter() - t)
    qa.learned_messages = True
    per = {k: [statistics.median(v) * 1000 for v in rows] for k, rows in times.items()}
    ratios = [a / b for a, b in zip(per[True], per[False], strict=True)]
    report = {
        "messages": len(messages),
        "repeat": args.repeat,
        "ask_ms_median_learned": round(statistics.median(per[True]), 1),
        "ask_ms_median_rules_alone": round(statistics.median(per[False]), 1),
        "per_message_ratio_median": round(statistics.median(ratios), 3),
        "per_message_added_ms_median": round(
            statistics.median(a - b for a, b in zip(per[True], per[False], strict=True)), 1),
    }  # fmt: skip
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for k, v in report.items():
            print(f"{k:32s} {v}")


if __name__ == "__main__":
    main()
