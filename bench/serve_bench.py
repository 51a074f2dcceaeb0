"""make bench, `indstil serve` part: /api/analyse on a warm server (median and p95 over
1000 requests, the server held to one core) against the same work as a `check` + `render`
process pair, and 50 concurrent clients for 30 s (failed requests, peak and steady RSS).
Called from bench/run.py (`serve_section`); kept in its own file so the rest of the bench
can change without touching it.
"""
import http.client, json, os, re, shutil, statistics, subprocess, tempfile, threading, time

TARGET_CHARACTERS = 12_000
SEQUENTIAL = 1000
CLIENTS = 50
SECONDS = 30
DOCUMENT = "aarhus-byraad/ny-ordning-moedelokaler.md"


def _grown_document(binary, project):
    """The example recommendation with paragraphs added to one section until its Antal tegn
    reaches 12.000; its text."""
    path = os.path.join(project, DOCUMENT)
    text = open(path, encoding="utf-8").read()
    marker = "# 6. Hvad igangsættes?\n\n"
    paragraph = ("Foreningerne booker lokalerne i den fælles kalender, og skolerne melder ledige tider ind en gang om "
                 "måneden, så ingen lokaler står tomme, når andre mangler et sted at mødes.\n\n")
    while True:
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        stats = subprocess.run([binary, "stats", "--format", "json", DOCUMENT], cwd=project, capture_output=True, text=True)
        characters = json.loads(stats.stdout)["files"][0]["characters"]
        if characters >= TARGET_CHARACTERS:
            return text, characters
        text = text.replace(marker, marker + paragraph)


def _start(binary, project):
    command = [binary, "serve", project, "--port", "0"]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0"] + command
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # indstil serve: http://127.0.0.1:PORT/?token=SECRET (the secret goes in X-Indstil-Token)
    start = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)", server.stdout.readline())
    return server, int(start.group(1)), start.group(2)


def _analyse(connection, port, token, text):
    body = json.dumps({"path": DOCUMENT, "text": text}).encode()
    connection.request("POST", "/api/analyse", body=body, headers={
        "Host": f"127.0.0.1:{port}", "Content-Type": "application/json", "X-Indstil-Token": token})
    response = connection.getresponse()
    response.read()
    return response.status


def _rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def serve_section(binary, root):
    """BENCHMARKS.md lines for `indstil serve`."""
    work = tempfile.mkdtemp(prefix="indstil-bench-serve-")
    project = os.path.join(work, "examples")
    shutil.copytree(os.path.join(root, "examples"), project)
    text, characters = _grown_document(binary, project)
    server, port, token = _start(binary, project)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port)
        for index in range(50):  # warm-up
            _analyse(connection, port, token, text + f"\nOpvarmning {index}.\n")
        # Every request a new text (as while typing: the cache cannot answer it).
        timings = []
        for index in range(SEQUENTIAL):
            started = time.perf_counter()
            status = _analyse(connection, port, token, text + f"\nÆndring {index}.\n")
            timings.append(time.perf_counter() - started)
            assert status == 200, status
        timings.sort()
        median, p95 = statistics.median(timings), timings[int(0.95 * len(timings)) - 1]

        # The same work as processes: check, then render to HTML.
        pair = []
        for _ in range(20):
            started = time.perf_counter()
            subprocess.run([binary, "check", DOCUMENT], cwd=project, capture_output=True)
            subprocess.run([binary, "render", "--to", "html", DOCUMENT, "-o", os.path.join(work, "ud.html")], cwd=project,
                           capture_output=True, check=True)
            pair.append(time.perf_counter() - started)
        pair_median = statistics.median(pair)

        # 50 clients for 30 s.
        counts = {"ok": 0, "failed": 0}
        lock = threading.Lock()
        stop = time.monotonic() + SECONDS
        after_warmup = _rss_kib(server.pid)

        def client(number):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            index = 0
            while time.monotonic() < stop:
                index += 1
                try:
                    status = _analyse(connection, port, token, text + f"\nKlient {number}, ændring {index}.\n")
                    ok = status == 200
                except Exception:
                    ok = False
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    counts["ok" if ok else "failed"] += 1

        samples = []
        threads = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
        for thread in threads:
            thread.start()
        while time.monotonic() < stop:
            time.sleep(1)
            samples.append(_rss_kib(server.pid))
        for thread in threads:
            thread.join()
        peak = _rss_kib(server.pid, "VmHWM")
        half = max(1, len(samples) // 2)
        first_half, second_half = max(samples[:half]), max(samples[half:] or samples[:half])
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    total = counts["ok"] + counts["failed"]
    return [
        "## `indstil serve`",
        "",
        f"`POST /api/analyse` of a recommendation of {characters:,} characters (Antal tegn; the example grown to 12.000) on a".replace(",", "."),
        f"warm server held to one core (`taskset -c 0`), {SEQUENTIAL} requests one after the other on one connection, each",
        "with a different text (as while typing: the cache cannot answer): diagnostics, stats and the preview HTML.",
        "",
        "| what | median | p95 | goal |",
        "|---|---|---|---|",
        f"| `/api/analyse`, warm server | {median * 1000:.1f} ms | {p95 * 1000:.1f} ms | p95 ≤ 15 ms |",
        f"| `indstil check` + `indstil render --to html`, two processes (median of 20) | {pair_median * 1000:.1f} ms | | |",
        "",
        f"{CLIENTS} concurrent clients for {SECONDS} s on loopback (server on one core): {total} requests, "
        f"{counts['failed']} failed ({total / SECONDS:.0f} per second). Resident memory: {after_warmup / 1024:.0f} MiB after the",
        f"sequential run, highest {first_half / 1024:.0f} MiB in the first half and {second_half / 1024:.0f} MiB in the second; "
        f"peak RSS {peak / 1024:.0f} MiB.",
        "",
    ]
