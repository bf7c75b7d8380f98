"""Runs one command and prints its wall time, CPU time and peak RSS as JSON: the child's own, from wait4's rusage."""
import json, os, subprocess, sys, time

start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
# wait4 reports this child alone; RUSAGE_CHILDREN would also count what ran before exec (a pyenv shim, say).
_, status, usage = os.wait4(child.pid, 0)
wall = (time.perf_counter() - start) * 1000
cpu = (usage.ru_utime + usage.ru_stime) * 1000
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"ms": wall, "cpu_ms": cpu, "rss_kib": usage.ru_maxrss, "code": code}))  # ru_maxrss: KiB on Linux
