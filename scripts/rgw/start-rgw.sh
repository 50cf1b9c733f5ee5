#!/usr/bin/env bash
# start-rgw.sh - Signet's local S3 server for tests and benchmarks: a throw-away single-host
# Ceph (1 mon + 1 osd, memstore, no cephx between daemons) + RADOS Gateway on 127.0.0.1.
# RGW really validates SigV4 (header and presigned), unlike s3rver, which accepts any
# signature. No systemd, no root for the daemons (only for INSTALL=1). Everything lives
# under $BASE, wiped on every start; ports are tunable so several runs can coexist
# (scripts/test-support/rgw-global-setup.ts picks free ones).
#
#   INSTALL=1 ./start-rgw.sh          # apt-get install ceph-mon ceph-osd radosgw curl first
#   ./start-rgw.sh                    # packages already present
#   . "$BASE/env"                     # S3_ENDPOINT / AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
#   ./stop-rgw.sh                     # stop (see bottom of report)
#
# Tunables (env): BASE RGW_PORT MON_V1_PORT MON_V2_PORT OSD_STORE(memstore|bluestore)
#                 ACCESS_KEY SECRET_KEY TIMEOUT
set -euo pipefail

BASE=${BASE:-/tmp/signet-rgw}
RGW_PORT=${RGW_PORT:-7480}
MON_V1_PORT=${MON_V1_PORT:-6789}
MON_V2_PORT=${MON_V2_PORT:-3300}
OSD_STORE=${OSD_STORE:-memstore}   # memstore: objects kept in OSD RAM; bluestore: sparse file
ACCESS_KEY=${ACCESS_KEY:-AKIAIOSFODNN7EXAMPLE}
SECRET_KEY=${SECRET_KEY:-wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}
TIMEOUT=${TIMEOUT:-120}

T0=$EPOCHREALTIME
log() { awk -v a="$EPOCHREALTIME" -v b="$T0" -v m="$*" 'BEGIN{printf "[%6.2fs] %s\n", a-b, m}'; }

if [[ "${INSTALL:-0}" == 1 ]]; then
  if ! command -v radosgw >/dev/null || ! command -v ceph-osd >/dev/null || ! command -v curl >/dev/null; then
    log "apt-get install ceph-mon ceph-osd radosgw curl"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends ceph-mon ceph-osd radosgw curl >/dev/null
    log "packages installed"
    T0=$EPOCHREALTIME
  fi
fi

# alive PID: running and not a zombie (zombies of daemonized processes linger until init reaps them)
alive() { local _a _b st; read -r _a _b st _ < /proc/"$1"/stat 2>/dev/null && [[ $st != Z ]]; }
# ---- kill a previous instance in the same BASE (by pid file; its state is wiped anyway) --
for p in "$BASE"/run/{client.rgw.a,osd.0,mon.a}.pid; do
  [[ -f $p ]] || continue; pid=$(cat "$p")
  if [[ $(cat /proc/"$pid"/comm 2>/dev/null) =~ ^(radosgw|ceph-osd|ceph-mon)$ ]]; then
    kill -KILL "$pid"; while alive "$pid"; do sleep 0.05; done
  fi
done
rm -rf "$BASE"
mkdir -p "$BASE"/{mon,osd,rgw,run,log}
CONF=$BASE/ceph.conf
FSID=$(cat /proc/sys/kernel/random/uuid)
export CEPH_CONF=$CONF

cat > "$CONF" <<EOF
[global]
fsid = $FSID
mon host = [v2:127.0.0.1:$MON_V2_PORT,v1:127.0.0.1:$MON_V1_PORT]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv4 = true
ms bind ipv6 = false
# no cephx between daemons/clients (S3 request auth in RGW is unaffected)
auth cluster required = none
auth service required = none
auth client required = none
keyring = /dev/null
# radosgw's built-in default is ms_mon_client_mode=secure, which needs cephx -> use crc
ms mon client mode = crc
ms client mode = crc
client mount timeout = 30
run dir = $BASE/run
admin socket = $BASE/run/\$cluster-\$name.asok
pid file = $BASE/run/\$name.pid
log file = $BASE/log/\$cluster-\$name.log
log to stderr = false
crash dir = $BASE/log/crash
mon cluster log file = $BASE/log/\$cluster.log
# single OSD
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon warn on insecure global id reclaim allowed = false
mon max pg per osd = 1000
mon data avail warn = 2
mon data avail crit = 1
# commit mon map changes (pool create etc.) every 0.1 s instead of 1 s -> faster boot
paxos propose interval = 0.1

[mon]
mon data = $BASE/mon/\$cluster-\$id

[osd]
osd data = $BASE/osd/\$cluster-\$id
osd objectstore = $OSD_STORE
osd crush initial weight = 1
osd check max object name len on startup = false
memstore device bytes = 8589934592
bluestore block path = $BASE/osd/\$cluster-\$id.block
bluestore block create = true
bluestore block size = 21474836480
bluestore fsck on mount = false
osd memory target = 1073741824

[client.rgw.a]
rgw data = $BASE/rgw
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT tcp_nodelay=1
rgw dns name = localhost
rgw enable usage log = false
rgw thread pool size = 64
EOF

die() { log "FAILED: $*"; for f in "$BASE"/log/*.log; do echo "== $f"; tail -n 20 "$f"; done >&2; exit 1; }
wait_for() {  # wait_for <desc> <cmd...>
  local desc=$1; shift; local end=$(( $(date +%s) + TIMEOUT ))
  until "$@" >/dev/null 2>&1; do (( $(date +%s) < end )) || die "timeout waiting for $desc"; sleep 0.25; done
}

# ---- monitor ---------------------------------------------------------------------------
monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_V2_PORT,v1:127.0.0.1:$MON_V1_PORT]" "$BASE/monmap" >/dev/null
ceph-mon --mkfs -i a --monmap "$BASE/monmap" >>"$BASE/log/startup.log" 2>&1 || die "ceph-mon --mkfs"
ceph-mon -i a >>"$BASE/log/startup.log" 2>&1 || die "ceph-mon start"
wait_for "mon quorum" timeout 10 ceph --connect-timeout 5 mon stat
log "mon.a up"

# ---- osd -------------------------------------------------------------------------------
OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
OSD_ID=$(ceph osd new "$OSD_UUID")
[[ $OSD_ID == 0 ]] || die "unexpected osd id $OSD_ID"
mkdir -p "$BASE/osd/ceph-0"
ceph-osd -i 0 --mkfs --osd-uuid "$OSD_UUID" >>"$BASE/log/startup.log" 2>&1 || die "ceph-osd --mkfs"
ceph-osd -i 0 >>"$BASE/log/startup.log" 2>&1 || die "ceph-osd start"
wait_for "osd.0 up" bash -c "ceph osd dump 2>/dev/null | grep -q '^osd.0 up'"
log "osd.0 up ($OSD_STORE)"

# ---- radosgw ---------------------------------------------------------------------------
radosgw -n client.rgw.a >>"$BASE/log/startup.log" 2>&1 || die "radosgw start"
wait_for "rgw http on :$RGW_PORT" curl -fsS -o /dev/null "http://127.0.0.1:$RGW_PORT/"
log "radosgw listening on 127.0.0.1:$RGW_PORT"

radosgw-admin user create --uid=test --display-name="Test User" \
  --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >"$BASE/user.json" 2>>"$BASE/log/startup.log" \
  || die "radosgw-admin user create"
log "S3 user 'test' created"

# ---- warm-up: SigV4-signed requests create the bucket index + data pools now, ----------
# ---- so the first requests of the test suite do not pay for pool creation ---------------
EMPTY=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
WARM=$(printf warm | sha256sum | cut -d' ' -f1)
EP="http://127.0.0.1:$RGW_PORT"
s3c() { local h=$1; shift; curl -sS --fail --aws-sigv4 "aws:amz:us-east-1:s3" \
  --user "$ACCESS_KEY:$SECRET_KEY" -H "x-amz-content-sha256: $h" "$@"; }
warmup() {   # (set -e is ignored inside functions called from `||`, so check each step)
  s3c "$EMPTY" -X PUT "$EP/rgw-warmup" -o /dev/null                     || return 1
  s3c "$WARM" -X PUT --data-binary warm "$EP/rgw-warmup/o" -o /dev/null  || return 1
  [[ $(s3c "$EMPTY" "$EP/rgw-warmup/o") == warm ]]                        || return 1
  s3c "$EMPTY" -X DELETE "$EP/rgw-warmup/o" -o /dev/null                 || return 1
  s3c "$EMPTY" -X DELETE "$EP/rgw-warmup" -o /dev/null                   || return 1
  # negative control: a request signed with a wrong secret must be refused with 403
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "$ACCESS_KEY:x$SECRET_KEY" -H "x-amz-content-sha256: $EMPTY" "$EP/")
  [[ $code == 403 ]]
}
warmup >>"$BASE/log/startup.log" 2>&1 || die "S3 warm-up / SigV4 self-check"
log "warm-up done; S3 endpoint ready"

cat > "$BASE/env" <<EOF
export S3_ENDPOINT=$EP
export AWS_ACCESS_KEY_ID=$ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$SECRET_KEY
export AWS_REGION=us-east-1
export CEPH_CONF=$CONF
# Ceph 16 RGW cannot parse aws-chunked uploads with trailing checksums, which AWS SDK v3
# (>= 3.729) uses by default for PutObject with a *stream* body (-> 411 MissingContentLength).
# Uncomment if the code under test does that:
# export AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED
EOF
cat "$BASE/env"
