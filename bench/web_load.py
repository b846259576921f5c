"""Load run of `checker serve` on loopback: concurrent uploads of one fixture through the JSON API.

Run: python bench/web_load.py [--requests 200] [--concurrency 50] [--file fixtures/press_release/clean.docx]
Starts the real server (`python -m checker serve`) on a free port, sends `--requests` uploads with at most
`--concurrency` in flight (httpx.AsyncClient), stops by itself after `--max-seconds`, then prints
requests/s, p50/p95 latency, errors, and the server's peak memory: VmHWM of the server process and the
peak PSS of the server plus its check workers, sampled every 50 ms (PSS counts fork-shared pages once)."""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """The process and its descendants (the forked check workers)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        # workers are forked from the server's thread pool: each thread (task) lists its own children
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                queue.extend(int(c) for c in (task / "children").read_text().split())
            except (OSError, ValueError):
                continue
    return found


class MemorySampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_pss_kb, self.peak_workers = pid, 0, 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_pss_kb(p) for p in pids))
            self.peak_workers = max(self.peak_workers, len(pids) - 1)
            self.stop.wait(0.05)


async def load(base: str, data: bytes, name: str, requests: int, concurrency: int,
               max_seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:

        async def one() -> None:
            async with gate:
                started = time.perf_counter()
                try:
                    response = await client.post("/api/check", files=[("files", (name, data))])
                    if response.status_code != 200 or response.json()["summary"]["documents"] != 1:
                        errors.append(f"HTTP {response.status_code}")
                        return
                except httpx.HTTPError as exc:
                    errors.append(type(exc).__name__)
                    return
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        tasks = [asyncio.create_task(one()) for _ in range(requests)]
        _done, pending = await asyncio.wait(tasks, timeout=max_seconds)
        for task in pending:  # the time bound: whatever has not finished is counted as an error
            task.cancel()
            errors.append("not finished in time")
        await asyncio.gather(*pending, return_exceptions=True)
        return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--file", type=Path, default=ROOT / "fixtures" / "press_release" / "clean.docx")
    args = parser.parse_args()

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="web-load-") as scratch:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": scratch}
        with Path(scratch, "server.log").open("wb") as log:
            server = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port)],
                                      cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                deadline = time.monotonic() + 30
                while True:
                    try:
                        if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if server.poll() is not None or time.monotonic() > deadline:
                        sys.exit("the server did not start:\n" + Path(scratch, "server.log").read_text())
                    time.sleep(0.2)
                idle_rss_mb = _status_kb(server.pid, "VmRSS") / 1024
                sampler = MemorySampler(server.pid)
                sampler.start()
                data = args.file.read_bytes()
                latencies, errors, wall = asyncio.run(
                    load(base, data, args.file.name, args.requests, args.concurrency, args.max_seconds)
                )
                sampler.stop.set()
                sampler.join()
                hwm_mb = _status_kb(server.pid, "VmHWM") / 1024
                leftovers = [p.name for p in Path(scratch).iterdir() if p.name.startswith("checker-web-")]
            finally:
                server.terminate()
                try:
                    server.wait(10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()

    ok = len(latencies)
    quantiles = statistics.quantiles(latencies, n=100) if ok >= 2 else [latencies[0] if ok else 0.0] * 99
    print(f"file: {args.file.relative_to(ROOT) if args.file.is_relative_to(ROOT) else args.file} "
          f"({len(data) / 1024:.1f} KB); requests: {args.requests}, concurrency: {args.concurrency}, "
          f"cores: {os.cpu_count()}")
    print(f"ok: {ok}, errors: {len(errors)} {sorted(set(errors)) if errors else ''}")
    print(f"wall: {wall:.2f} s, throughput: {ok / wall:.1f} requests/s")
    print(f"latency: p50 {quantiles[49] * 1000:.0f} ms, p95 {quantiles[94] * 1000:.0f} ms, "
          f"max {max(latencies, default=0) * 1000:.0f} ms")
    print(f"server memory: idle RSS {idle_rss_mb:.0f} MB, peak RSS (VmHWM) {hwm_mb:.0f} MB; "
          f"peak PSS with workers {sampler.peak_pss_kb / 1024:.0f} MB, at most {sampler.peak_workers} workers")
    print(f"temporary folders left: {len(leftovers)}")


if __name__ == "__main__":
    main()
