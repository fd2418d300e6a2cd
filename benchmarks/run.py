"""replylint's benchmark: prints one table of figures, ratios where it compares.

    python benchmarks/run.py [--corpus DIR] [--files 10000] [--no-peers]

Texts are the real replies in ../shared/corpus/ (the bundled drafts when it is absent).
Measured in one run, on this machine:
  - steady-state throughput inside one process, after each tool has seen a sample of every
    language: replylint, proselint's Python API, and a bare spacy.blank(lang) nlp.pipe per
    language (tokenizing alone, the floor), as replies per second;
  - warm latency of one ~80-word draft through the Python API: median and 99th percentile;
  - whole process on N files: `replylint check --jobs 1` and `--jobs 2`, proselint's CLI,
    and, when npx is there, the alex and write-good CLIs;
  - cold `replylint check` of one draft per language (--lang auto) beside `python -c "import spacy"`;
  - peak memory of one process that checks a draft in each of the six languages, and of the
    -j1 run on N files;
  - scaling: one reply of 10 KB, 100 KB and 1 MB.
Timed unit tests are not how these are held: this script is.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAFTS = HERE / "drafts"
LANGUAGES = ("en", "ru", "sr", "pt", "tr", "lv")
PEER_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "replylint-bench-npm"


def corpus_texts(corpus: Path) -> list[str]:
    files = [corpus / "replies_en.jsonl", corpus / "replies_ru.jsonl", corpus / "replies" / "sikayetvar_bank_replies_tr.jsonl", corpus / "replies" / "nubank_playstore_replies_pt.jsonl"]
    texts = [json.loads(line)["text"] for path in files if path.is_file() for line in path.open(encoding="utf-8")]
    return [t for t in texts if t.strip()] or [p.read_text(encoding="utf-8") for p in sorted(DRAFTS.glob("*.txt"))]


def per_second(function, texts, repeat=1) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            function(text)
    return len(texts) * repeat / (time.perf_counter() - started)


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    return time.perf_counter() - started


def peak_mb(command: list[str]) -> float:
    """The largest resident set of a command and the processes it starts, in MB."""
    script = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    result = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True)
    return int(result.stdout.strip() or 0) / 1024


def median_of(command, runs=7, **kwargs) -> float:
    return statistics.median(timed(command, **kwargs) for _ in range(runs))


WARM_UP_EVERY = 20  # warming up on every 20th text loads every language the texts are in


def steady_state(texts) -> dict:
    """Replies per second inside one process after loading: each tool first sees a sample
    spread over the whole corpus (so every language is loaded before timing), then all texts
    once. Tokenizing is each text's own language's spacy.blank pipeline, as replylint uses."""
    import spacy

    from replylint.api import Options, default_linter, lint_file

    warm_up = texts[::WARM_UP_EVERY]
    linter = default_linter()
    options = Options(language="auto")
    for text in warm_up:
        lint_file(linter, "-", text, options)
    replylint_rate = per_second(lambda t: lint_file(linter, "-", t, options), texts)
    codes = [linter.resolve_language(text, "auto")[0] for text in texts]
    by_language: dict[str, list[str]] = {}
    for code, text in zip(codes, texts):
        by_language.setdefault(code, []).append(text)
    pipelines = {code: spacy.blank(code) for code in by_language}
    for code, text in zip(codes[::WARM_UP_EVERY], warm_up):
        pipelines[code](text)
    started = time.perf_counter()
    for code, same_language in by_language.items():
        for _ in pipelines[code].pipe(same_language, batch_size=256):
            pass
    spacy_rate = len(texts) / (time.perf_counter() - started)
    figures = {"replylint": replylint_rate, "spacy_blank_pipe": spacy_rate}
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        for text in warm_up:
            LintFile("x", text).lint()
        figures["proselint_api"] = per_second(lambda t: LintFile("x", t).lint(), texts)  # the same texts
    except ImportError:
        figures["proselint_api"] = None
    return figures


def warm_latency() -> tuple[float, float]:
    from replylint.api import Options, default_linter, lint_file

    text = (DRAFTS / "en.txt").read_text(encoding="utf-8")
    linter = default_linter()
    options = Options(language="auto")
    for _ in range(200):
        lint_file(linter, "-", text, options)
    samples = []
    for _ in range(2000):
        started = time.perf_counter()
        lint_file(linter, "-", text, options)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def write_files(texts, count: int, directory: Path) -> list[Path]:
    paths = []
    for index in range(count):
        path = directory / f"reply{index:05d}.txt"
        path.write_text(texts[index % len(texts)], encoding="utf-8")
        paths.append(path)
    return paths


def peer_clis() -> dict[str, Path]:
    """alex and write-good from the npm registry, installed once into a cache folder."""
    if not shutil.which("npm"):
        return {}
    binaries = {name: PEER_CACHE / "node_modules" / ".bin" / name for name in ("alex", "write-good")}
    if not all(path.exists() for path in binaries.values()):
        PEER_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(PEER_CACHE), "--no-audit", "--no-fund", "alex", "write-good"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return {name: path for name, path in binaries.items() if path.exists()}


def whole_process(texts, count: int, peers: bool) -> dict:
    figures = {}
    replylint = [sys.executable, "-P", "-m", "replylint", "check", "--format", "json", "--output", os.devnull]
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        write_files(texts, count, directory)
        # the median of three runs each, except alex's (47 s a run, far from the others)
        figures["replylint -j1"] = median_of(replylint + ["--jobs", "1", str(directory)], runs=3)
        figures["replylint -j2"] = median_of(replylint + ["--jobs", "2", str(directory)], runs=3)
        figures["peak memory -j1 (MB)"] = peak_mb(replylint + ["--jobs", "1", str(directory)])
        proselint = Path(sys.executable).parent / "proselint"
        if proselint.exists() or shutil.which("proselint"):
            command = str(proselint) if proselint.exists() else "proselint"
            figures["proselint CLI"] = median_of([command, "--output-format", "json", "check", str(directory)], runs=3)
        if peers:
            for name, binary in peer_clis().items():
                files = [str(p) for p in sorted(directory.iterdir())]
                figures[f"{name} CLI"] = timed([str(binary), *files], timeout=3600) if name == "alex" else median_of([str(binary), *files], runs=3, timeout=3600)
    return figures


def cold_starts() -> dict:
    figures = {}
    spacy_import = [sys.executable, "-c", "import spacy"]
    for language in LANGUAGES:
        draft = DRAFTS / f"{language}.txt"
        command = [sys.executable, "-P", "-m", "replylint", "check", "--lang", "auto", "--format", "json", str(draft)]
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fills the lemma cache
        ours, baseline = [], []
        for _ in range(7):  # interleaved, so that the machine's load hits both alike
            ours.append(timed(command))
            baseline.append(timed(spacy_import))
        figures[language] = (statistics.median(ours), statistics.median(baseline))
    return figures


def peak_memory_mb() -> float:
    script = (
        "import resource, sys\n"
        "from replylint.api import lint\n"
        f"for lang in {LANGUAGES!r}:\n"
        f"    lint(open('{DRAFTS}/' + lang + '.txt', encoding='utf-8').read(), 'auto')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return float(result.stdout.strip() or "nan")


def scaling() -> dict:
    from replylint.api import lint

    unit = (DRAFTS / "en.txt").read_text(encoding="utf-8") + "\n\n"
    figures = {}
    for size in (10_000, 100_000, 1_000_000):
        text = (unit * (size // len(unit) + 1))[:size]
        runs = []
        for _ in range(3):  # the best of three: a collector pause in one run is not the size's cost
            started = time.perf_counter()
            lint(text, "en")
            runs.append(time.perf_counter() - started)
        figures[size] = min(runs)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--files", type=int, default=10_000, help="files for the whole-process runs")
    parser.add_argument("--no-peers", action="store_true", help="skip alex and write-good (npm)")
    args = parser.parse_args()

    texts = corpus_texts(args.corpus)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {len(texts)} replies from {args.corpus if args.corpus.is_dir() else DRAFTS}")
    rows = []

    steady = steady_state(texts)
    rows.append(("steady state, replylint (replies/s)", f"{steady['replylint']:.0f}", ""))
    if steady["proselint_api"]:
        rows.append(("steady state, proselint API (replies/s)", f"{steady['proselint_api']:.0f}", f"replylint is {steady['replylint'] / steady['proselint_api']:.1f}x faster (target >= 10x)"))
    rows.append(("steady state, spacy.blank nlp.pipe (replies/s)", f"{steady['spacy_blank_pipe']:.0f}", f"replylint runs at {steady['replylint'] / steady['spacy_blank_pipe']:.2f}x tokenizing alone (target >= 0.5x)"))

    median, p99 = warm_latency()
    rows.append(("warm latency, ~80-word draft (ms)", f"median {median:.2f}, p99 {p99:.2f}", "target: median < 2, p99 < 5"))

    processes = whole_process(texts, args.files, not args.no_peers)
    peak = processes.pop("peak memory -j1 (MB)")
    ours = processes["replylint -j2"]
    targets = {"replylint -j2": "target < 15 s", "proselint CLI": "target >= 5x", "alex CLI": "target > 1x", "write-good CLI": "target > 1x"}
    for name, seconds in processes.items():
        note = "" if name.startswith("replylint") else f"replylint -j2 is {seconds / ours:.2f}x faster" if seconds >= ours else f"replylint -j2 is {ours / seconds:.2f}x slower"
        rows.append((f"{args.files} files, {name} (s)", f"{seconds:.2f}", f"{note}{'; ' if note and name in targets else ''}{targets.get(name, '')}"))
    if args.no_peers or "alex CLI" not in processes:
        rows.append(("alex, write-good", "not run", "npm not available" if not args.no_peers else "--no-peers"))

    for language, (cold, spacy_import) in cold_starts().items():
        rows.append((f"cold check of one draft, {language} (s)", f"{cold:.3f}", f"{cold / spacy_import:.2f}x `import spacy` ({spacy_import:.3f} s; target <= 1.4x)"))

    rows.append(("peak memory, six languages in one process (MB)", f"{peak_memory_mb():.0f}", "target < 300"))
    rows.append((f"peak memory, {args.files} files, -j1 (MB)", f"{peak:.0f}", "target < 300"))
    sizes = scaling()
    for size, seconds in sizes.items():
        rows.append((f"one reply of {size // 1000} KB (s)", f"{seconds:.3f}", f"{seconds / sizes[10_000]:.0f}x the 10 KB time" if size > 10_000 else ""))

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>{value_width}}  {note}")


if __name__ == "__main__":
    main()
