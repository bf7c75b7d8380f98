"""Runs one command and prints its wall time, CPU time and peak RSS (the child's own, from wait4's rusage) as JSON."""
import json, resource, subprocess, sys, time

start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL).returncode
wall = (time.perf_counter() - start) * 1000
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (usage.ru_utime + usage.ru_stime) * 1000
print(json.dumps({"ms": wall, "cpu_ms": cpu, "rss_kib": usage.ru_maxrss, "code": code}))  # ru_maxrss: KiB on Linux
