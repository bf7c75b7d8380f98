"""Runs one command and prints its wall time and peak RSS (the child's own, from wait4's rusage) as JSON."""
import json, resource, subprocess, sys, time

start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
wall = (time.perf_counter() - start) * 1000
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"ms": wall, "rss_kib": peak, "code": code}))
