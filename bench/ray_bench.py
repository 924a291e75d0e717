"""The Ray engine's speed and memory on the benchmark corpus, against one local process.

Owns: one timed `rasd.ray_engine.run` on a local Ray instance (num_cpus=2 by default)
over the bench corpus (bench/corpus.py, the same file `make bench` writes), the local
1-process rate measured in the same run (bench/worker.py, a fresh process), and the
peak memory of the driver plus every process Ray started. Printed, not asserted: the
ratio carries across machines, the rates are this machine's at this load.

Memory is sampled from /proc every 0.2 s over the driver's process tree: the sum of RSS
counts Ray's shared object store and shared libraries once per process, so the sum of
PSS (shared pages split between their users) is the fairer total; both are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB, 0 when it has gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _cpu_seconds(pid: int) -> tuple[str, float] | None:
    """(process name, user + system CPU seconds so far), None when it has gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            head, tail = fh.read().rsplit(")", 1)
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().split(b"\0")[0].decode(errors="replace")
    except OSError:
        return None
    fields = tail.split()
    name = cmd if cmd.startswith("ray::") else head.split("(", 1)[1]
    return name, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PeakMemory(threading.Thread):
    """Samples the summed RSS and PSS of this process and its descendants until stopped."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        self.interval, self.peak_rss, self.peak_pss, self.peak_procs = interval, 0, 0, 0
        self.cpu: dict[int, tuple[str, float]] = {}      # pid -> (name, CPU seconds last seen)
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            pids = _tree(os.getpid())
            for pid in pids:
                self.cpu[pid] = _cpu_seconds(pid) or self.cpu.get(pid, ("?", 0.0))
            mems = [_memory_kb(p) for p in pids]
            self.peak_rss = max(self.peak_rss, sum(m[0] for m in mems))
            self.peak_pss = max(self.peak_pss, sum(m[1] for m in mems))
            self.peak_procs = max(self.peak_procs, len(pids))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _local_one_process(corpus: Path) -> dict:
    proc = subprocess.run([sys.executable, str(HERE / "worker.py"), "rasd", str(corpus), "--jobs", "1"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: local worker failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--docs", type=int, default=10_000, help="documents in the corpus")
    p.add_argument("--cpus", type=int, default=2, help="num_cpus of the local Ray instance")
    p.add_argument("--dir", type=Path, default=ROOT / "out" / "bench", help="where the corpus is written")
    p.add_argument("--skip-local", action="store_true", help="do not measure the local 1-process rate")
    p.add_argument("--parquet", action="store_true", help="workers write a Parquet directory (default: the driver "
                   "writes one .jsonl file)")
    a = p.parse_args()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

    corpus = write_corpus(a.dir / f"corpus-{a.docs}.jsonl", a.docs)
    load_start = os.getloadavg()
    local = None if a.skip_local else _local_one_process(corpus)

    from rasd import ray_engine

    memory = PeakMemory()
    memory.start()
    t_init = time.perf_counter()
    ray_engine.init_ray(num_cpus=a.cpus)
    init_s = time.perf_counter() - t_init
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        out = Path(tmp) / ("out" if a.parquet else "out.jsonl")
        _, records, failed = ray_engine.run([str(corpus)], str(out))
        run_s = time.perf_counter() - t0
    memory.stop()
    import ray

    ray.shutdown()
    load_end = os.getloadavg()

    dps_ray = a.docs / run_s
    print(f"corpus: {a.docs} documents ({corpus}); machine load (1-min) {load_start[0]:.1f} → {load_end[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    if local:
        print(f"local, 1 process:     {local['docs'] / local['seconds']:,.0f} docs/s ({local['seconds']:.1f} s, "
              f"{local['records']} records, peak RSS {local['rss_mb']:.0f} MB)")
    print(f"ray local, {a.cpus} CPUs, {'Parquet directory' if a.parquet else 'one .jsonl via the driver'}: "
          f"{dps_ray:,.0f} docs/s ({run_s:.1f} s incl. actor start-up; ray.init "
          f"{init_s:.1f} s; {records} records, {failed} failed)")
    print(f"peak memory, driver + {memory.peak_procs - 1} Ray processes: RSS sum {memory.peak_rss / 1024:,.0f} MB, "
          f"PSS sum {memory.peak_pss / 1024:,.0f} MB")
    by_name: dict[str, float] = {}
    for name, secs in memory.cpu.values():
        by_name[name] = by_name.get(name, 0.0) + secs
    print("CPU seconds by process (driver = this bench's python): " + ", ".join(
        f"{name} {secs:.1f}" for name, secs in sorted(by_name.items(), key=lambda kv: -kv[1])[:8]))
    summary = [f"docs={a.docs}", f"ray_cpus={a.cpus}", f"output={'parquet_dir' if a.parquet else 'jsonl_driver'}",
               f"ray_docs_per_s={dps_ray:.0f}"]
    if local:
        dps_local = local["docs"] / local["seconds"]
        summary += [f"local_1proc_docs_per_s={dps_local:.0f}", f"ratio_ray_vs_local_1proc={dps_ray / dps_local:.2f}"]
    summary += [f"peak_rss_sum_mb={memory.peak_rss / 1024:.0f}", f"peak_pss_sum_mb={memory.peak_pss / 1024:.0f}",
                f"load={load_start[0]:.1f}-{load_end[0]:.1f}"]
    print("SUMMARY " + " ".join(summary))

if __name__ == "__main__":
    main()
