# Holds ports the way other programs on a host do, then prints "ready" and waits to be killed.
# Usage: hold-ports.py KIND LOW HIGH STEP [KIND LOW HIGH STEP ...]
#   listen      a TCP listener on "::" (dual-stack, SO_REUSEADDR, as most servers)
#   udp         a UDP socket on "::" (dual-stack)
#   reuse-bound a TCP socket bound with SO_REUSEADDR but not listening (a test harness's reservation)
import socket, sys, time

held = []
args = sys.argv[1:]
for i in range(0, len(args), 4):
    kind, low, high, step = args[i], int(args[i + 1]), int(args[i + 2]), int(args[i + 3])
    for port in range(low, high + 1, step):
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM if kind == 'udp' else socket.SOCK_STREAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        if kind != 'udp':
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(('::', port))
        if kind == 'listen':
            s.listen()
        held.append(s)
print('ready', flush=True)
time.sleep(3600)
