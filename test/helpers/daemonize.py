"""Starts a command as a daemon does (fork, setsid, fork), so init adopts it: no
process of the test is its ancestor. Writes the daemon's pid to PIDFILE (renamed
into place, so a reader never sees it half-written), then execs the command.
Usage: daemonize.py PIDFILE COMMAND [ARG ...]"""
import os
import sys

pidfile, argv = sys.argv[1], sys.argv[2:]
if os.fork():
    os._exit(0)
os.setsid()
if os.fork():
    os._exit(0)
with open(pidfile + ".tmp", "w") as f:
    f.write(str(os.getpid()))
os.rename(pidfile + ".tmp", pidfile)
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(null, fd)
os.execvp(argv[0], argv)
