#!/usr/bin/env python3
"""Load test of `tender serve` on loopback: N concurrent clients evaluating a rehearsal for S seconds.

Usage: python3 Benchmarks/serve-load.py [--tender .build/debug/tender] [--clients 50] [--seconds 30]

Starts `tender serve` on a free port over Scenarios/ (read only: nothing is saved), then each client (a thread
with its own keep-alive connection) posts worked example A of Docs/rules.md §10 to /rehearse/evaluate (the
page script's request on every change), with its own price for D so that no two clients send the same form,
and checks the answer: status 200 and D's price in the evaluation. Prints requests, errors, throughput and the
latency percentiles. Exits 1 on any error.
"""
import argparse
import http.client
import os
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def form(client):
    price = "%d.%02d" % (100 + client // 100, client % 100)
    fields = [("file", "rehearsal-worked-examples.yaml"), ("fragment", "1")]
    for i, (bidder, p) in enumerate([("A", "100.00"), ("D", price), ("F", "96.00"), ("E", "90.00")]):
        fields += [("r%d.lot" % i, "example-a"), ("r%d.bidder" % i, bidder), ("r%d.price" % i, p),
                   ("r%d.more" % i, "marks: {technical: [60, 60, 60]}")]
    return urllib.parse.urlencode(fields).encode(), price


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tender", default=os.path.join(ROOT, ".build/debug/tender"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([args.tender, "serve", "--port", str(port), "--scenarios",
                               os.path.join(ROOT, "Scenarios")], stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/" % port, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        latencies, errors, lock = [], [], threading.Lock()
        deadline = time.monotonic() + args.seconds

        def client(index):
            body, price = form(index)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine = []
            while time.monotonic() < deadline:
                start = time.monotonic()
                try:
                    connection.request("POST", "/rehearse/evaluate", body,
                                       {"Content-Type": "application/x-www-form-urlencoded"})
                    response = connection.getresponse()
                    data = response.read()
                    if response.status != 200 or price.encode() not in data:
                        with lock:
                            errors.append("client %d: status %d" % (index, response.status))
                except Exception as error:  # noqa: BLE001 - every failure counts
                    with lock:
                        errors.append("client %d: %s" % (index, error))
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                mine.append(time.monotonic() - start)
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - began
        latencies.sort()

        def pct(p):
            return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

        print("clients %d, %.1f s: %d requests, %d errors, %.1f requests/s" %
              (args.clients, elapsed, len(latencies), len(errors), len(latencies) / elapsed))
        print("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f" % (pct(50), pct(90), pct(99), latencies[-1] * 1000))
        for e in errors[:5]:
            print("error:", e)
        return 1 if errors else 0
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    raise SystemExit(main())
