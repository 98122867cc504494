#!/usr/bin/env python3
"""Soak run and capacity measurement (docs/performance.md, "Soak run"; docs/operations.md, "Capacity").

Two nodes of the built jar on Debian's PostgreSQL 15, behind Debian's nginx with deploy/nginx/default.conf, the nodes
reaching the database through a TCP forwarder this script controls. Simulated users work at once at a stated mix;
faults come at stated times; afterwards an audit checks that nothing acknowledged was lost. Python's standard library
only. Run it through run.sh (which builds nothing: build the jar first), as root on a machine where nothing else runs.

Only loopback addresses are used; every loop is bounded by the run's duration.
"""
import argparse
import base64
import collections
import http.client
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

# --------------------------------------------------------------------------------------------------------------------
# Settings

DISCIPLINE_KEPT = {"disciplineClosedManagement": "yes", "disciplineUnifiedLodging": "yes",
                   "disciplineSupervisorPresent": "yes", "disciplinePledgesSigned": "yes",
                   "disciplineBadgesWorn": "yes", "disciplinePhonesKept": "yes", "disciplineRecusalObserved": "yes",
                   "disciplineLobbyingFound": "no", "disciplineLeftVenue": "no", "disciplineOtherViolation": "no"}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--jar", required=True)
    p.add_argument("--work", default="/tmp/titlereview-soak")
    p.add_argument("--minutes", type=float, default=30.0, help="duration of the load (default 30)")
    p.add_argument("--walkers", type=int, default=6, help="staff walking sessions at once (each: import, complete, "
                   "supervisor confirmations, signatures, votes)")
    p.add_argument("--readers", type=int, default=2, help="approvers reading the supervision view and records")
    p.add_argument("--think", type=float, default=1.0, help="seconds a simulated user waits between two actions")
    p.add_argument("--nodes", type=int, default=2, help="nodes behind nginx (1 or 2)")
    p.add_argument("--faults", default="pg-restart@0.2,node-kill@0.4,net-cut@0.6,disk-full@0.8",
                   help="fault@fraction-of-duration, comma-separated; 'none' for no faults")
    p.add_argument("--users", default="staff=staff1,staff2,staff3;supervisor=supervisor1;approver=approver1;"
                   "admin=admin;monitor=monitor1",
                   help="the accounts (password 'demo', demo profile) by role; the region's list replaces this")
    p.add_argument("--organisations", default="广西壮族自治区人力资源和社会保障厅",
                   help="organising units the sessions are spread over, comma-separated")
    p.add_argument("--capacity", default="", help="capacity mode: comma-separated walker counts, each run for "
                   "--step-seconds without faults and think time 0, e.g. 1,2,4,8,12")
    p.add_argument("--step-seconds", type=int, default=120)
    p.add_argument("--heap", default="768m", help="-Xmx of each node")
    p.add_argument("--archive-disk", default="160m", help="size of the archive store's own file system (tmpfs): "
                   "room for 30 minutes of uploads (0.3 a second of 200 KB), so that it is full only in its fault")
    p.add_argument("--pool", type=int, default=10, help="Hikari maximum pool size of each node")
    return p.parse_args()


ARGS = None
WORK = None
NGINX_PORT = 18080
NODE_PORTS = [18081, 18082]
FORWARDER_PORT = 15432
PG_PORT = 5432
DATABASE = "titlereview_soak"
START = time.time()


def log(message):
    print("[%7.1f s] %s" % (time.time() - START, message), flush=True)


def sh(command, check=True, **kw):
    return subprocess.run(command, shell=True, check=check, text=True, capture_output=True, **kw)


def psql(sql):
    out = sh("runuser -u postgres -- psql -p %d -d %s -At -F '|' -c %s" % (PG_PORT, DATABASE, shquote(sql)))
    return [line.split("|") for line in out.stdout.strip().splitlines() if line]


def shquote(text):
    return "'" + text.replace("'", "'\"'\"'") + "'"


# --------------------------------------------------------------------------------------------------------------------
# The TCP forwarder between the nodes and PostgreSQL: cut() closes every connection and refuses new ones.

class Forwarder:
    def __init__(self, listen_port, target_port):
        self.listen_port, self.target_port = listen_port, target_port
        self.lock = threading.Lock()
        self.connections = set()
        self.open = True
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", listen_port))
        self.server.listen(256)
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.server.accept()
            if not self.open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections.update((client, upstream))
            threading.Thread(target=self.pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self.pipe, args=(upstream, client), daemon=True).start()

    def pipe(self, source, sink):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
            with self.lock:
                self.connections.discard(s)

    def cut(self):
        self.open = False
        with self.lock:
            for s in list(self.connections):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def restore(self):
        self.open = True


# --------------------------------------------------------------------------------------------------------------------
# A mail server that accepts and counts, for the reminder job.

class SmtpSink:
    def __init__(self, port):
        self.port, self.messages = port, 0
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port))
        self.server.listen(16)
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.server.accept()
            threading.Thread(target=self.talk, args=(client,), daemon=True).start()

    def talk(self, client):
        f = client.makefile("rwb")
        try:
            f.write(b"220 soak\r\n"); f.flush()
            data = False
            for line in f:
                if data:
                    if line in (b".\r\n", b".\n"):
                        data = False
                        self.messages += 1
                        f.write(b"250 ok\r\n"); f.flush()
                    continue
                verb = line[:4].upper()
                if verb == b"DATA":
                    data = True
                    f.write(b"354 go\r\n")
                elif verb == b"QUIT":
                    f.write(b"221 bye\r\n"); f.flush()
                    break
                elif verb in (b"EHLO", b"HELO"):
                    f.write(b"250 soak\r\n")
                else:
                    f.write(b"250 ok\r\n")
                f.flush()
        except OSError:
            pass
        client.close()


# --------------------------------------------------------------------------------------------------------------------
# Samples: every request, its kind, status and time.

Sample = collections.namedtuple("Sample", "t kind status ms")
SAMPLES = []
SAMPLES_LOCK = threading.Lock()
ACKED = collections.defaultdict(list)   # what users saw acknowledged, for the audit
ACKED_LOCK = threading.Lock()
RUNNING = threading.Event()


def ack(kind, fact):
    with ACKED_LOCK:
        ACKED[kind].append(fact)


class Client:
    """One user's connection (through nginx, or to one node)."""

    def __init__(self, user, port=NGINX_PORT):
        self.user, self.port, self.conn = user, port, None
        self.auth = "Basic " + base64.b64encode((user + ":demo").encode()).decode()

    def request(self, method, path, kind, body=None, content_type="application/json", retries=3):
        """Answers (status, body). A 503 (database away, in Chinese) and a 502/504 of nginx are retried after a
        pause, as a client would; every attempt is a sample."""
        for attempt in range(retries + 1):
            status, text = self.once(method, path, kind, body, content_type)
            if status in (502, 503, 504, 0) and attempt < retries and RUNNING.is_set():
                time.sleep(2 + attempt * 2)
                continue
            if attempt:
                RETRIES[(kind, "succeeded" if status < 500 and status != 0 else "failed")] += 1
            return status, text
        return status, text

    def once(self, method, path, kind, body, content_type):
        headers = {"Authorization": self.auth,
                   "Accept": "application/json" if path.startswith(("/api", "/engine-rest")) else "*/*"}
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            headers["Content-Type"] = content_type
        started = time.time()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            status = response.status
        except (OSError, http.client.HTTPException):
            self.conn = None
            status, text = 0, ""
        with SAMPLES_LOCK:
            SAMPLES.append(Sample(started, kind, status, (time.time() - started) * 1000))
        if status >= 500 or status == 0:
            ERRORS[(kind, status, chinese(text))] += 1
        return status, text


ERRORS = collections.Counter()
RETRIES = collections.Counter()  # (kind, outcome) of requests repeated after a 503, a 502/504 or no answer


def chinese(text):
    """The error message, shortened, so that errors can be counted by what they said."""
    try:
        message = json.loads(text).get("error") or json.loads(text).get("message") or ""
    except (ValueError, AttributeError):
        message = re.sub(r"<[^>]+>", " ", text)[:60]
    message = re.sub(r"[0-9a-f]{8}", "…", message)
    return message[:50]


# --------------------------------------------------------------------------------------------------------------------
# The simulated users.

def camunda_vars(variables):
    typed = {}
    for name, value in variables.items():
        kind = "Boolean" if isinstance(value, bool) else "Integer" if isinstance(value, int) else "String"
        typed[name] = {"value": value, "type": kind}
    return {"variables": typed}


class Walker(threading.Thread):
    """Staff walking sessions: start, import (the demo filler's data work), complete; the supervisor confirms; the
    three staff sign their pledges; staff3 enters the votes. One session after another until the run ends."""

    def __init__(self, number, users, organisations):
        super().__init__(daemon=True)
        self.number, self.users, self.organisations = number, users, organisations
        staff = users["staff"]
        self.staff, self.voter = staff[0], staff[min(2, len(staff) - 1)]
        self.pledgers = staff[:3]
        self.supervisor = users["supervisor"][0]
        self.clients = {u: Client(u) for u in set(staff) | {self.supervisor}}

    def steps(self):
        """(task, who, variables, request kind of the completion, whether the demo filler imports first)."""
        return [
            ("Task_ReviewEligibility", self.staff, {"eligibilityReviewDone": True}, "task.complete", True),
            ("Task_ImportRoster", self.staff, {"rosterImported": True}, "task.complete", True),
            ("Task_ConfirmRosterAndPresence", self.supervisor,
             {"officialRosterTotal": 240, "supervisorPresentAtDraw": "yes"}, "supervisor.confirm", False),
            ("Task_ConfirmDrawCommitment", self.supervisor, {"drawPhrase": "公平公正，随机抽取"}, "supervisor.confirm",
             False),
            ("Task_RecordExpertResponses", self.staff, {"expertResponsesRecorded": True}, "task.complete", True),
            ("Task_SignStaffPledge", None, {"pledgeConfirmed": True}, "signature", False),
            ("Task_RecordTrainingAndExpertPledges", self.staff, {"trainingCoursewareWatched": "yes",
             "trainingPolicyAndSoftware": "yes", "expertPledgesRecorded": True}, "task.complete", True),
            ("Task_FormReviewGroups", self.staff, {"reviewGroupsFormed": True}, "task.complete", True),
            ("Task_RecordVotes", self.voter, {"votesRecorded": True, "plenaryDeliberationHeld": "yes",
             "keyMinutesKept": "yes"}, "vote", True),
            ("Task_AttestDiscipline", self.supervisor, DISCIPLINE_KEPT, "supervisor.confirm", False),
        ]

    def think(self):
        time.sleep(ARGS.think * random.uniform(0.5, 1.5) if ARGS.think else 0)

    def run(self):
        serial = 0
        while RUNNING.is_set():
            serial += 1
            code = "SOAK-%d-%d-%d" % (int(START) % 100000, self.number, serial)
            try:
                self.walk(code)
            except Exception as e:  # a step that never came: counted, and the next session starts
                with SAMPLES_LOCK:
                    ERRORS[("walk", -1, str(e)[:50])] += 1

    def walk(self, code):
        review = time.strftime("%Y-%m-%d", time.localtime(time.time() + 2 * 86400))
        review_end = time.strftime("%Y-%m-%d", time.localtime(time.time() + 4 * 86400))
        status, text = self.clients[self.staff].request("POST", "/api/sessions", "session.start", {
            "sessionCode": code, "committeeName": "广西工程系列高级职称评审委员会", "level": "正高", "series": "工程",
            "reviewYear": int(review[:4]), "organisingUnit": random.choice(self.organisations),
            "approvingUnit": "自治区职改办", "plannedReviewStart": review, "plannedReviewEnd": review_end,
            "staffUserIds": ",".join(self.pledgers[1:])})
        if status != 201:
            raise RuntimeError("session.start %d" % status)
        ack("session", code)
        KNOWN_SESSIONS.append(code)
        self.think()
        for key, user, variables, kind, fill in self.steps():
            if not RUNNING.is_set():
                return
            if key == "Task_SignStaffPledge":
                for pledger in self.pledgers:
                    task = self.wait_task(code, key, pledger, assigned=True)
                    self.complete(code, task, pledger, variables, kind)
                continue
            task = self.wait_task(code, key, user)
            if fill:
                status, text = self.clients[user].request("POST", "/api/demo/sessions/%s/fill" % code, "import")
                if status == 200:
                    ack("import", (code, key, text))
                self.think()
            self.complete(code, task, user, variables, kind)
            self.think()
        # The staff's archive: one scan uploaded per session (the archive store's disk fills in one fault).
        scan = os.urandom(200 * 1024)
        status, text = self.clients[self.staff].request(
            "POST", "/api/sessions/%s/archive/RECORD_SHEETS" % code, "archive.upload", multipart(scan),
            "multipart/form-data; boundary=soakboundary")
        if status == 201:
            ack("upload", (code, json.loads(text)["sha256"]))
        elif status == 507:
            ack("upload-refused", code)
        status, text = self.clients[self.staff].request("GET", "/api/sessions/%s/gates" % code, "gates.read")
        if status == 200:
            for g in json.loads(text):
                ack("gate", (code, g.get("gateKey"), g.get("passed")))

    def wait_task(self, code, key, user, assigned=False):
        deadline = time.time() + 180
        query = "/engine-rest/task?processInstanceBusinessKey=%s&taskDefinitionKey=%s" % (code, key)
        if assigned:
            query += "&assignee=" + user
        while time.time() < deadline and RUNNING.is_set():
            status, text = self.clients[user].request("GET", query, "task.list")
            if status == 200:
                tasks = json.loads(text)
                if tasks:
                    return tasks[0]
            time.sleep(1)
        raise RuntimeError("no %s for %s" % (key, user))

    def complete(self, code, task, user, variables, kind):
        client = self.clients[user]
        if task.get("assignee") is None:
            client.request("POST", "/engine-rest/task/%s/claim" % task["id"], "task.claim", {"userId": user})
        status, text = client.request("POST", "/engine-rest/task/%s/complete" % task["id"], kind,
                                      camunda_vars(variables))
        if status == 204:
            ack("completion", (code, task["id"], task["taskDefinitionKey"], user))
        elif status in (400, 404, 409, 500):
            # A completion whose answer was lost (a node killed mid-request) may have happened: the audit looks.
            ack("completion-unknown", (code, task["id"], status))


KNOWN_SESSIONS = []
COMPLETIONS = ("task.complete", "supervisor.confirm", "signature", "vote")


def multipart(content):
    return (b"--soakboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n" + content + b"\r\n--soakboundary--\r\n")


class Reader(threading.Thread):
    """An approver: the supervision view, its data, one session's record."""

    def __init__(self, user):
        super().__init__(daemon=True)
        self.client = Client(user)

    def run(self):
        while RUNNING.is_set():
            choice = random.random()
            if choice < 0.3:
                self.client.request("GET", "/supervision", "supervision.view")
            elif choice < 0.6:
                self.client.request("GET", "/api/supervision/sessions", "supervision.api")
            elif KNOWN_SESSIONS:
                self.client.request("GET", "/api/sessions/%s/record" % random.choice(KNOWN_SESSIONS),
                                    "record.read")
            time.sleep(ARGS.think * 2 * random.uniform(0.5, 1.5) if ARGS.think else 0.2)


OBSERVING = threading.Event()


class Periodic(threading.Thread):
    """An observer or a job of the installation, every so many seconds while the run lasts."""

    def __init__(self, every, action):
        super().__init__(daemon=True)
        self.every, self.action = every, action

    def run(self):
        while OBSERVING.is_set():
            try:
                self.action()
            except Exception as e:
                ERRORS[("periodic", -1, str(e)[:50])] += 1
            time.sleep(self.every)


# --------------------------------------------------------------------------------------------------------------------
# The installation: PostgreSQL, the forwarder, the archive disk, two nodes, nginx.

class Node:
    def __init__(self, number, port):
        self.number, self.port, self.process, self.starts = number, port, None, 0

    def start(self, users_monitor):
        self.starts += 1
        env = dict(os.environ)
        env.update({
            "SPRING_PROFILES_ACTIVE": "demo", "PORT": str(self.port), "TZ": "Asia/Shanghai",
            "DB_URL": "jdbc:postgresql://127.0.0.1:%d/%s" % (FORWARDER_PORT, DATABASE),
            "DB_USERNAME": "titlereview", "DB_PASSWORD": "soak",
            "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE": str(ARGS.pool),
            "SERVER_FORWARD_HEADERS_STRATEGY": "native",
            "SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES": r"127\.0\.0\.1",
            "TITLEREVIEW_ARCHIVE_STORE": "filesystem", "TITLEREVIEW_ARCHIVE_DIRECTORY": WORK + "/archive",
            "TITLEREVIEW_ARCHIVE_SIGNING_KEY": WORK + "/archive-signing-key.pem",
            "TITLEREVIEW_REMINDERS_CRON": "0 * * * * *", "SPRING_MAIL_HOST": "127.0.0.1", "SPRING_MAIL_PORT": "12525",
        })
        out = open("%s/node%d-%d.log" % (WORK, self.number, self.starts), "w")
        self.gc_log = "%s/node%d-%d-gc.log" % (WORK, self.number, self.starts)
        self.process = subprocess.Popen(
            ["java", "-Xmx" + ARGS.heap, "-Xlog:gc:file=%s:uptime" % self.gc_log, "-jar", ARGS.jar],
            env=env, stdout=out, stderr=subprocess.STDOUT, cwd=WORK)
        self.started_at = time.time()

    def ready(self):
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=3)
            c.request("GET", "/actuator/health/readiness")
            return c.getresponse().status == 200
        except (OSError, http.client.HTTPException):
            return False

    def wait_ready(self, limit=300):
        deadline = time.time() + limit
        while time.time() < deadline:
            if self.ready():
                return time.time()
            if self.process.poll() is not None:
                raise RuntimeError("node %d exited; see its log" % self.number)
            time.sleep(0.5)
        raise RuntimeError("node %d not ready in %d s" % (self.number, limit))

    def kill9(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()


def prepare_database():
    sh("pg_ctlcluster 15 main start", check=False)
    for _ in range(30):
        if sh("runuser -u postgres -- pg_isready -p %d" % PG_PORT, check=False).returncode == 0:
            break
        time.sleep(1)
    admin = "runuser -u postgres -- psql -p %d -v ON_ERROR_STOP=1 -c " % PG_PORT
    sh(admin + shquote("drop database if exists %s" % DATABASE))
    sh(admin + shquote("do $$ begin if not exists (select from pg_roles where rolname = 'titlereview') then "
                       "create role titlereview login password 'soak'; end if; end $$"))
    sh(admin + shquote("create database %s owner titlereview" % DATABASE))


def prepare_archive_disk():
    """The archive store's own small file system, to fill in the disk fault; where mounting is not allowed, the
    application's own limit (titlereview.archive.capacity) stands in."""
    path = WORK + "/archive"
    os.makedirs(path, exist_ok=True)
    sh("umount %s" % path, check=False)
    mounted = sh("mount -t tmpfs -o size=%s tmpfs %s" % (ARGS.archive_disk, path), check=False).returncode == 0
    log("archive store: %s" % ("tmpfs of %s at %s" % (ARGS.archive_disk, path) if mounted
                               else "no mount allowed: plain directory %s" % path))
    return mounted


def nginx_conf(ports):
    upstream = "\n".join("    server 127.0.0.1:%d max_fails=1 fail_timeout=10s;" % p for p in ports)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "deploy", "nginx",
                           "default.conf")) as f:
        server = f.read()
    server = re.sub(r"upstream titlereview \{.*?\n\}", "upstream titlereview {\n%s\n    keepalive 16;\n}" % upstream,
                    server, flags=re.S)
    server = server.replace("listen 80;", "listen 127.0.0.1:%d;" % NGINX_PORT)
    conf = ("user root;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/nginx-error.log;\n"
            "events { worker_connections 1024; }\nhttp {\n  access_log off;\n"
            "  client_body_temp_path %s/nginx-body;\n  proxy_temp_path %s/nginx-proxy;\n%s\n}\n"
            % (WORK, WORK, WORK, WORK, server))
    path = WORK + "/nginx.conf"
    with open(path, "w") as f:
        f.write(conf)
    return path


# --------------------------------------------------------------------------------------------------------------------
# Observation: readiness, heap after full GC, database connections, CPU.

TIMELINE = []  # (t, what)
HEAP = []      # (t, node, MB after a full GC)
CONNECTIONS = []  # (t, connections of the database)
CPU = []       # (t, busy share of all cores)


def force_full_gc(nodes):
    for node in nodes:
        if node.process and node.process.poll() is None:
            sh("jcmd %d GC.run" % node.process.pid, check=False)
    time.sleep(2)
    for node in nodes:
        try:
            with open(node.gc_log) as f:
                fulls = [l for l in f if "Pause Full" in l]
        except OSError:
            continue
        if fulls:
            m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", fulls[-1])
            if m:
                HEAP.append((time.time(), node.number, int(m.group(2))))


def count_connections():
    try:
        rows = psql("select count(*) from pg_stat_activity where datname = '%s'" % DATABASE)
        CONNECTIONS.append((time.time(), int(rows[0][0])))
    except Exception:
        CONNECTIONS.append((time.time(), None))


_last_cpu = [None]


def sample_cpu():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle, total = fields[3] + fields[4], sum(fields)
    if _last_cpu[0]:
        d_idle, d_total = idle - _last_cpu[0][0], total - _last_cpu[0][1]
        CPU.append((time.time(), 1 - d_idle / d_total if d_total else 0))
    _last_cpu[0] = (idle, total)


PROCESS_CPU = []  # (t, {component: share of one core since the last sample})
_last_proc = [None]


def process_ticks(nodes):
    """CPU ticks (user + system) by component: each node's JVM, PostgreSQL (all its processes), nginx, this script."""
    pids = {"node%d" % n.number: [n.process.pid] for n in nodes if n.process and n.process.poll() is None}
    pids["postgres"] = [int(p) for p in sh("pgrep -u postgres", check=False).stdout.split()]
    pids["nginx"] = [int(p) for p in sh("pgrep -x nginx", check=False).stdout.split()]
    pids["harness"] = [os.getpid()]
    ticks = {}
    for component, ids in pids.items():
        total = 0
        for pid in ids:
            try:
                with open("/proc/%d/stat" % pid) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                pass
        ticks[component] = total
    return ticks


def sample_process_cpu(nodes):
    now, ticks = time.time(), process_ticks(nodes)
    if _last_proc[0]:
        then, before = _last_proc[0]
        hz = os.sysconf("SC_CLK_TCK")
        PROCESS_CPU.append((now, {c: max(0, ticks[c] - before.get(c, 0)) / hz / (now - then) for c in ticks}))
    _last_proc[0] = (now, ticks)


POOL = []   # (t, node, active, pending) from each node's metrics
LOCK_WAITS = []  # (t, lock requests not granted)


def sample_pool_and_locks(nodes, monitors):
    for node in nodes:
        status, text = monitors[node.number].once("GET", "/actuator/prometheus", "capacity.scrape", None, None)
        if status == 200:
            def metric(name):
                m = re.search(r"^%s\{[^}]*\} ([0-9.eE+-]+)$" % name, text, re.M)
                return float(m.group(1)) if m else float("nan")
            POOL.append((time.time(), node.number, metric("hikaricp_connections_active"),
                         metric("hikaricp_connections_pending")))
    try:
        LOCK_WAITS.append((time.time(), int(psql("select count(*) from pg_locks where not granted")[0][0])))
    except Exception:
        pass


def scrape(nodes, client_by_node):
    for node in nodes:
        client_by_node[node.number].request("GET", "/actuator/prometheus", "prometheus.scrape", retries=0)


# --------------------------------------------------------------------------------------------------------------------
# Faults

class Faults:
    def __init__(self, nodes, forwarder):
        self.nodes, self.forwarder = nodes, forwarder
        self.windows = []  # (name, start, end-of-fault, ready-at)

    def all_ready_after(self, since):
        deadline = since + 300
        while time.time() < deadline:
            if all(n.ready() for n in self.nodes):
                return time.time()
            time.sleep(0.5)
        return None

    def run(self, name):
        start = time.time()
        log("FAULT %s begins" % name)
        if name == "pg-restart":
            sh("pg_ctlcluster 15 main restart -m fast")
            end = time.time()
        elif name == "node-kill":
            victim = self.nodes[-1]
            victim.kill9()
            log("node %d killed (kill -9)" % victim.number)
            time.sleep(10)
            victim.start(None)
            end = time.time()
            victim.wait_ready()
        elif name == "net-cut":
            self.forwarder.cut()
            time.sleep(20)
            self.forwarder.restore()
            end = time.time()
        elif name == "disk-full":
            sh("dd if=/dev/zero of=%s/archive/filler bs=1M 2>/dev/null" % WORK, check=False)
            time.sleep(60)
            os.remove(WORK + "/archive/filler")
            end = time.time()
        else:
            raise ValueError(name)
        ready = self.all_ready_after(end)
        self.windows.append((name, start, end, ready))
        log("FAULT %s over after %.1f s; all nodes ready %.1f s after its end" % (
            name, end - start, (ready - end) if ready else float("nan")))


# --------------------------------------------------------------------------------------------------------------------
# Report

def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def table(samples, seconds, title):
    by_kind = collections.defaultdict(list)
    for s in samples:
        by_kind[s.kind].append(s)
    lines = ["  %s (%.0f s, %d requests, %.1f req/s)" % (title, seconds, len(samples), len(samples) / max(seconds, 1))]
    lines.append("    %-20s %7s %8s %8s %8s %6s %6s" % ("kind", "req/s", "p50 ms", "p95 ms", "p99 ms", "5xx", "other"))
    for kind in sorted(by_kind):
        ss = by_kind[kind]
        ok = [s.ms for s in ss if 200 <= s.status < 400]
        lines.append("    %-20s %7.2f %8.0f %8.0f %8.0f %6d %6d" % (
            kind, len(ss) / max(seconds, 1), pct(ok, 50), pct(ok, 95), pct(ok, 99),
            sum(1 for s in ss if s.status >= 500), sum(1 for s in ss if s.status == 0 or 400 <= s.status < 500)))
    return "\n".join(lines)


def between(a, b):
    return [s for s in SAMPLES if a <= s.t < b]


def report(faults, load_start, load_end):
    out = ["", "=" * 100, "SOAK REPORT: %d walkers, %d readers, think %.1f s, %d node(s), %.0f minutes" % (
        ARGS.walkers, ARGS.readers, ARGS.think, ARGS.nodes, (load_end - load_start) / 60), "=" * 100]
    out.append(table(between(load_start, load_end), load_end - load_start, "whole run"))
    for name, start, end, ready in faults.windows:
        ready = ready or end
        out.append("\nFault %s at %.0f s: lasted %.1f s, all nodes ready %.1f s after it ended" % (
            name, start - load_start, end - start, ready - end))
        out.append(table(between(start - 60, start), 60, "before (60 s)"))
        out.append(table(between(start, ready), max(ready - start, 1), "during (until ready)"))
        out.append(table(between(ready, ready + 60), 60, "after (60 s)"))
    out.append("\nErrors by kind (status 0 = no answer, -1 = a walk abandoned):")
    for (kind, status, message), n in sorted(ERRORS.items(), key=lambda e: -e[1]):
        out.append("  %5d × %-20s %4d %s" % (n, kind, status, message))
    out.append("\nRequests repeated after a 503 / no answer, by kind and final outcome (a 5xx is retried twice more):")
    for (kind, outcome), n in sorted(RETRIES.items()):
        out.append("  %5d × %-20s %s" % (n, kind, outcome))
    out.append("\nHeap after each full GC (MB), by node, over time:")
    for t, node, mb in HEAP:
        out.append("  %6.0f s  node %d  %4d MB" % (t - load_start, node, mb))
    known = [c for _, c in CONNECTIONS if c is not None]
    out.append("\nDatabase connections: min %s, max %s, last %s (pool %d per node)" % (
        min(known) if known else "?", max(known) if known else "?", known[-1] if known else "?", ARGS.pool))
    if CPU:
        out.append("CPU busy (all cores): mean %.0f %%, max %.0f %%" % (
            100 * sum(c for _, c in CPU) / len(CPU), 100 * max(c for _, c in CPU)))
    text = "\n".join(out)
    print(text, flush=True)
    with open(WORK + "/report.txt", "w") as f:
        f.write(text + "\n")


# --------------------------------------------------------------------------------------------------------------------
# The audit of nothing lost

def audit(nodes, archive_mounted):
    problems, facts = [], []
    completions = ACKED["completion"]
    ids = [c[1] for c in completions]
    found = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = psql("select id_ from act_hi_taskinst where end_time_ is not null and delete_reason_ = 'completed' "
                    "and id_ in (%s)" % ",".join("'%s'" % x for x in chunk))
        found.update(r[0] for r in rows)
    missing = [c for c in completions if c[1] not in found]
    facts.append("acknowledged task completions: %d, all in the history: %s" % (len(completions), not missing))
    if missing:
        problems.append("completions acknowledged but not in the database: %s" % missing[:5])
    by_kind = collections.Counter(c[2] for c in completions)
    votes = [c for c in completions if c[2] == "Task_RecordVotes"]
    for code, *_ in votes:
        n = int(psql("select count(*) from vote_result v join applicant a on a.id = v.applicant_id "
                     "join review_session s on s.id = a.session_id where s.code = '%s'" % code)[0][0])
        if n == 0:
            problems.append("votes of %s acknowledged, none in vote_result" % code)
    facts.append("acknowledged votes: %d sessions, each with its vote_result rows" % len(votes))
    pledges = [c for c in completions if c[2] == "Task_SignStaffPledge"]
    for code, _, _, user in pledges:
        n = int(psql("select count(*) from staff_pledge p join review_session s on s.id = p.session_id "
                     "where s.code = '%s' and p.user_id = '%s'" % (code, user))[0][0])
        if n == 0:
            problems.append("pledge of %s by %s acknowledged, not in staff_pledge" % (code, user))
    facts.append("acknowledged signatures (附件3 pledges): %d, each in staff_pledge" % len(pledges))
    imports = ACKED["import"]
    sessions_with_imports = {c for c, _, _ in imports}
    for code in sessions_with_imports:
        n = int(psql("select count(*) from import_batch b join review_session s on s.id = b.session_id "
                     "where s.code = '%s'" % code)[0][0])
        if n == 0:
            problems.append("imports of %s acknowledged, no import_batch" % code)
    facts.append("acknowledged imports: %d in %d sessions, each session with its import batches" % (
        len(imports), len(sessions_with_imports)))
    gates = set(ACKED["gate"])
    for code, key, passed in gates:
        n = int(psql("select count(*) from gate_result g join review_session s on s.id = g.session_id "
                     "where s.code = '%s' and g.gate_key = '%s'" % (code, key))[0][0])
        if n == 0:
            problems.append("gate %s of %s seen, not in gate_result" % (key, code))
    facts.append("gate results seen by users: %d, all in gate_result" % len(gates))
    uploads = ACKED["upload"]
    for code, sha in uploads:
        rows = psql("select f.location from archive_file f join review_session s on s.id = f.session_id "
                    "where s.code = '%s' and f.sha256 = '%s'" % (code, sha))
        if not rows:
            problems.append("upload of %s acknowledged, not in archive_file" % code)
            continue
        path = os.path.join(WORK, "archive", rows[0][0])
        digest = sh("sha256sum %s" % shquote(path), check=False).stdout.split(" ")[0]
        if digest != sha:
            problems.append("archived file %s of %s: hash %s, recorded %s" % (path, code, digest[:12], sha[:12]))
    facts.append("acknowledged archive uploads: %d, each in archive_file and its file's SHA-256 verified; refused "
                 "as full (507): %d" % (len(uploads), len(ACKED["upload-refused"])))
    # Jobs: none stuck (due, unlocked or with an expired lock, for more than a minute), none failed, none run twice.
    stuck = psql("select count(*) from act_ru_job where (duedate_ is null or duedate_ < now() - interval '2 minutes') "
                 "and (lock_exp_time_ is null or lock_exp_time_ < now() - interval '1 minute') and retries_ > 0 "
                 "and suspension_state_ = 1")[0][0]
    incidents = psql("select count(*) from act_ru_incident")[0][0]
    # (the history cleanup is one ever-living job, run again and again under the same id)
    doubles = psql("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
                   "and coalesce(job_def_type_, '') <> 'history-cleanup' group by job_id_ having count(*) > 1) d")[0][0]
    executed = psql("select count(*) from act_hi_job_log where job_state_ = 2")[0][0]
    failed = psql("select count(*) from act_hi_job_log where job_state_ = 1")[0][0]
    facts.append("jobs: %s executed, %s failed attempts (retried), %s stuck, %s incidents, %s run twice" % (
        executed, failed, stuck, incidents, doubles))
    if int(stuck):
        problems.append("%s jobs stuck" % stuck)
    if int(incidents):
        problems.append("%s incidents open" % incidents)
    if int(doubles):
        problems.append("%s jobs completed twice" % doubles)
    # Sessions consistent: every session has its process; a running one waits somewhere (a task, a job, a timer).
    orphans = psql("select s.code from review_session s left join act_hi_procinst p on p.id_ = s.process_instance_id "
                   "where p.id_ is null")
    idle = psql("""select s.code from review_session s join act_hi_procinst p on p.id_ = s.process_instance_id
                   where p.end_time_ is null
                     and not exists (select 1 from act_ru_task t where t.proc_inst_id_ in
                         (select id_ from act_ru_execution where root_proc_inst_id_ = p.id_))
                     and not exists (select 1 from act_ru_job j where j.process_instance_id_ in
                         (select id_ from act_ru_execution where root_proc_inst_id_ = p.id_))
                     and not exists (select 1 from act_ru_event_subscr e where e.proc_inst_id_ in
                         (select id_ from act_ru_execution where root_proc_inst_id_ = p.id_)
                         and e.event_type_ <> 'message')""")
    total = psql("select count(*), count(*) filter (where closed_outcome is null) from review_session")[0]
    facts.append("sessions: %s, open %s; without their process: %d; running with nothing to wait on: %d" % (
        total[0], total[1], len(orphans), len(idle)))
    if orphans:
        problems.append("sessions without a process: %s" % [o[0] for o in orphans[:5]])
    if idle:
        problems.append("running sessions waiting on nothing: %s" % [o[0] for o in idle[:5]])
    # Record hashes: the record (附件1) of every session computes to the same SHA-256 on both nodes, twice.
    mismatched, checked = 0, 0
    clients = [Client("approver1", n.port) for n in nodes]
    for code in random.sample(KNOWN_SESSIONS, min(40, len(KNOWN_SESSIONS))):
        hashes = set()
        for c in clients + clients:
            status, text = c.once("GET", "/api/sessions/%s/record" % code, "audit.record", None, None)
            if status == 200:
                hashes.add(json.loads(text)["sha256"])
        checked += 1
        if len(hashes) != 1:
            mismatched += 1
    facts.append("record hashes: %d sessions' records read twice on each node, %d differ" % (checked, mismatched))
    if mismatched:
        problems.append("%d records with differing hashes" % mismatched)
    fives = sum(n for (kind, status, _), n in ERRORS.items() if status == 500)
    facts.append("answers 500 during the whole run: %d" % fives)
    if fives:
        problems.append("%d answers 500" % fives)
    print("\nAUDIT (nothing lost):")
    for f in facts:
        print("  - " + f)
    print("  RESULT: " + ("nothing lost, no 500" if not problems else "PROBLEMS:\n    " + "\n    ".join(problems)))
    with open(WORK + "/report.txt", "a") as f:
        f.write("\nAUDIT\n" + "\n".join("  - " + x for x in facts) + "\n" + "\n".join(problems) + "\n")
    return not problems


# --------------------------------------------------------------------------------------------------------------------

def parse_users(text):
    users = {}
    for part in text.split(";"):
        role, names = part.split("=")
        users[role.strip()] = [n.strip() for n in names.split(",") if n.strip()]
    return users


def main():
    global ARGS, WORK
    ARGS = parse_args()
    WORK = ARGS.work
    os.makedirs(WORK, exist_ok=True)
    users = parse_users(ARGS.users)
    organisations = [o.strip() for o in ARGS.organisations.split(",")]
    log("work folder %s; jar %s" % (WORK, ARGS.jar))
    prepare_database()
    forwarder = Forwarder(FORWARDER_PORT, PG_PORT)
    SmtpSink(12525)
    mounted = prepare_archive_disk()
    nodes = [Node(i + 1, NODE_PORTS[i]) for i in range(ARGS.nodes)]
    nginx = None
    try:
        for node in nodes:  # a rolling start, as docs/operations.md describes: the first creates the schema
            node.start(None)
            t = node.wait_ready()
            log("node %d ready %.1f s after its start" % (node.number, t - node.started_at))
        nginx = subprocess.Popen(["nginx", "-p", WORK, "-c", nginx_conf(NODE_PORTS[:ARGS.nodes]),
                                  "-g", "daemon off;"])
        time.sleep(1)
        RUNNING.set()
        OBSERVING.set()
        monitors = {n.number: Client(users["monitor"][0], n.port) for n in nodes}
        admin = Client(users["admin"][0])
        observers = [
            Periodic(15, lambda: scrape(nodes, monitors)),
            Periodic(120, lambda: admin.request("POST", "/engine-rest/history/cleanup?immediatelyDue=true",
                                                "history.cleanup", {})),
            Periodic(10, count_connections),
            Periodic(5, sample_cpu),
            Periodic(300 if not ARGS.capacity else 60, lambda: force_full_gc(nodes)),
        ]
        if ARGS.capacity:
            observers += [Periodic(5, lambda: sample_process_cpu(nodes)),
                          Periodic(5, lambda: sample_pool_and_locks(nodes, monitors))]
        for o in observers:
            o.start()
        if ARGS.capacity:
            capacity(nodes, users, organisations)
            return 0
        walkers = [Walker(i, users, organisations) for i in range(ARGS.walkers)]
        readers = [Reader(random.choice(users["approver"])) for _ in range(ARGS.readers)]
        for t in walkers + readers:
            t.start()
        load_start = time.time()
        duration = ARGS.minutes * 60
        faults = Faults(nodes, forwarder)
        plan = [] if ARGS.faults == "none" else sorted(
            (float(f.split("@")[1]) * duration, f.split("@")[0]) for f in ARGS.faults.split(","))
        log("load started: %d walkers, %d readers, think %.1f s; faults: %s" % (
            ARGS.walkers, ARGS.readers, ARGS.think, ", ".join("%s at %.0f s" % (n, t) for t, n in plan) or "none"))
        for at, name in plan:
            while time.time() < load_start + at:
                time.sleep(1)
            faults.run(name)
        while time.time() < load_start + duration:
            time.sleep(1)
        RUNNING.clear()
        load_end = time.time()
        log("load stopped; letting the jobs settle")
        time.sleep(45)
        force_full_gc(nodes)
        report(faults, load_start, load_end)
        ok = audit(nodes, mounted)
        return 0 if ok else 1
    finally:
        RUNNING.clear()
        OBSERVING.clear()
        if nginx:
            nginx.terminate()
        for node in nodes:
            node.stop()
        if mounted:
            sh("umount %s/archive" % WORK, check=False)


def capacity(nodes, users, organisations):
    """Walkers without think time, more at each step: completions per second and their p95; where the time goes (CPU
    by component, the connection pools' active and waiting connections, the database's lock waits)."""
    out = ["", "CAPACITY: %d node(s), pool %d per node, think 0, no readers; each step %d s after a 20 s ramp" % (
        ARGS.nodes, ARGS.pool, ARGS.step_seconds),
        "  %7s %7s %8s %7s %7s %7s | %5s %5s %5s %5s %5s %5s | %6s %7s %5s" % (
            "walkers", "req/s", "compl/s", "p50", "p95", "p99", "CPU%", "node1", "node2", "pg", "nginx", "load",
            "poolA", "poolW", "lockW")]
    print("\n".join(out), flush=True)
    ARGS.think = 0
    for count in [int(x) for x in ARGS.capacity.split(",")]:
        walkers = [Walker(1000 * count + i, users, organisations) for i in range(count)]
        for w in walkers:
            w.start()
        time.sleep(20)  # ramp
        start = time.time()
        time.sleep(ARGS.step_seconds)
        end = time.time()
        ss = between(start, end)
        done = [s.ms for s in ss if s.kind in COMPLETIONS and 200 <= s.status < 300]
        cpu = [c for t, c in CPU if start <= t <= end]
        procs = [p for t, p in PROCESS_CPU if start <= t <= end]

        def share(component):
            values = [p.get(component, 0) for p in procs]
            return 100 * sum(values) / max(len(values), 1)
        pools = [(a, w) for t, n, a, w in POOL if start <= t <= end]
        locks = [w for t, w in LOCK_WAITS if start <= t <= end]
        line = "  %7d %7.1f %8.2f %7.0f %7.0f %7.0f | %5.0f %5.0f %5.0f %5.0f %5.0f %5.0f | %6.1f %7.1f %5d" % (
            count, len(ss) / (end - start), len(done) / (end - start), pct(done, 50), pct(done, 95), pct(done, 99),
            100 * sum(cpu) / max(len(cpu), 1), share("node1"), share("node2"), share("postgres"), share("nginx"),
            share("harness"), max((a for a, _ in pools), default=float("nan")),
            max((w for _, w in pools), default=float("nan")), max(locks, default=0))
        print(line, flush=True)
        out.append(line)
        RUNNING.clear()
        for w in walkers:
            w.join(120)
        RUNNING.set()
    out.append("  (p50/p95/p99: ms of a task completion — staff, supervisor, signature, votes; CPU%: the whole machine "
               "(100 = both cores busy); node1..load: % of one core; load = this script; poolA/poolW: most active / "
               "waiting connections of a node's pool; lockW: most database lock requests waiting)")
    with open(WORK + "/capacity.txt", "a") as f:
        f.write("\n".join(out) + "\n")
    print(out[-1])


if __name__ == "__main__":
    sys.exit(main())
