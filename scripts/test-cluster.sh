#!/usr/bin/env bash
# `npm run test:cluster`: the README's Slurm recipe on a real Slurm. Starts a one-node cluster on
# this machine (munged, slurmctld and slurmd from Debian's munge and slurm-wlm, installed when
# missing; run as root), generates a corpus, submits scripts/slurm/analyze-array.sbatch as a job
# array of 4 tasks, waits for it, and checks that the union of the shards' result trees is
# byte-for-byte the tree of one single-process run. Everything runs under a temporary folder and
# is stopped on exit. Every wait is bounded; on failure the daemons' logs are printed.
# Environment: CLUSTER_FILES (corpus size, default 400), CLUSTER_TASKS (array size, default 4).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
files=${CLUSTER_FILES:-400}
tasks=${CLUSTER_TASKS:-4}
start=$SECONDS
say() { echo "test:cluster: $*"; }
die() {
	echo "test:cluster: FAILED: $*" >&2
	exit 1
}

if [[ $(id -u) != 0 ]]; then die "run as root (the daemons run as root in this test)"; fi
need=()
command -v slurmctld >/dev/null 2>&1 || need+=(slurm-wlm)
command -v munged >/dev/null 2>&1 || need+=(munge)
command -v timeout >/dev/null 2>&1 || need+=(coreutils)
if ((${#need[@]})); then
	say "installing Debian packages: ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[[ -f dist/cli.js && -f dist/batchWorker.js ]] || die "build first (node esbuild.js)"

work=$(mktemp -d /tmp/seed-lens-cluster.XXXXXX)
chmod 755 "$work"
mkdir -p "$work"/{munge,etc,state,spool,log,run,corpus}
chmod 700 "$work/munge"
pids=()
ok=0

cleanup() {
	local status=$?
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$pid" 2>/dev/null || true
	done
	if ((ok == 0)); then
		for f in "$work"/log/*.log "$work"/jobs/*.log; do
			[[ -f $f ]] || continue
			echo "----- $(basename "$f") (last 40 lines)" >&2
			tail -n 40 "$f" >&2
		done
	fi
	rm -rf "$work"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Polls a command until it succeeds, for at most $1 seconds.
wait_for() {
	local seconds=$1 what=$2
	shift 2
	local deadline=$((SECONDS + seconds))
	until "$@" >/dev/null 2>&1; do
		((SECONDS < deadline)) || die "$what: not ready after $seconds s"
		sleep 0.2
	done
}
alive() { kill -0 "$1" 2>/dev/null || die "$2 exited: see its log below"; }

# munge: a fresh key, its own socket.
socket=$work/munge/munge.socket
mungekey --create --keyfile="$work/munge/munge.key" >/dev/null 2>&1 || dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/run/munged.pid" \
	--log-file="$work/log/munged.log" --seed-file="$work/munge/munged.seed" >>"$work/log/munged.log" 2>&1 &
pids+=($!)
wait_for 20 munged bash -c "munge -n -S '$socket' | unmunge -S '$socket'"
say "munged up"

# Slurm: one node, this machine, as slurmd describes it; ports away from a real cluster's.
host=$(hostname -s)
node=$(slurmd -C | head -n 1)
[[ $node == NodeName=* ]] || die "slurmd -C did not describe the node: $node"
cat >"$work/etc/slurm.conf" <<EOF
ClusterName=seedlens
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$work/etc/slurm.conf
slurmctld -D -i -f "$SLURM_CONF" >>"$work/log/slurmctld.log" 2>&1 &
ctld=$!
pids+=("$ctld")
wait_for 30 slurmctld scontrol ping
alive "$ctld" slurmctld
slurmd -D -f "$SLURM_CONF" -N "$host" >>"$work/log/slurmd.log" 2>&1 &
slurmd_pid=$!
pids+=("$slurmd_pid")
idle() { [[ $(sinfo -h -N -o '%T' 2>/dev/null) == idle* ]]; }
wait_for 60 "the node (state: $(sinfo -h -N -o '%T' 2>/dev/null || echo unknown))" idle
alive "$slurmd_pid" slurmd
say "one-node cluster up: $(sinfo -h -N -o '%N %c CPUs %T')"

# A corpus in nested folders, varied from the samples.
node -e '
const fs = require("fs"), path = require("path");
const [dir, n] = [process.argv[1], +process.argv[2]];
const paragraphs = fs.readdirSync("samples").flatMap((f) => fs.readFileSync(path.join("samples", f), "utf8").split(/\n\s*\n/).slice(1)).filter((p) => p.trim().length > 40);
for (let i = 0; i < n; i++) {
	const body = Array.from({ length: 2 + (i % 9) }, (_, k) => paragraphs[(i * 5 + k) % paragraphs.length].replace(/\d+/g, String(i + k)));
	const f = path.join(dir, String(i % 7), String(i % 3), `${i}.txt`);
	fs.mkdirSync(path.dirname(f), { recursive: true });
	fs.writeFileSync(f, [`date 2022-03-${String(1 + (i % 28)).padStart(2, "0")} Seed ${i}`, ...body].join("\n\n") + "\n");
}' "$work/corpus" "$files"
say "corpus of $files files generated"

# The reference: one process over the whole corpus.
node dist/cli.js analyze --quiet --out "$work/single" "$work/corpus"

# The recipe: a job array, each task one shard.
mkdir -p "$work/jobs"
say "submitting a job array of $tasks tasks"
job=$(cd "$work/jobs" && SEED_LENS="node $root/dist/cli.js" timeout 300 sbatch --parsable --wait --array=0-$((tasks - 1)) --cpus-per-task=1 --mem=100M \
	"$root/scripts/slurm/analyze-array.sbatch" "$work/corpus" "$work/sharded") || die "the job array failed or timed out (sbatch exit $?)"
say "job ${job%%;*} finished"

logs=("$work"/jobs/seed-lens-*.log)
((${#logs[@]} == tasks)) || die "expected $tasks task logs, found ${#logs[@]}"
analysed=0
for log in "${logs[@]}"; do
	line=$(grep -E '^seed-lens: [0-9,]+ files' "$log") || die "no summary in $(basename "$log")"
	n=$(sed -E 's/^seed-lens: ([0-9,]+) files.*/\1/' <<<"$line" | tr -d ,)
	((n > 0 && (tasks == 1 || n < files))) || die "task log $(basename "$log"): $n files is not a share of $files"
	analysed=$((analysed + n))
	say "$(basename "$log"): $line"
done
((analysed == files)) || die "the shards analysed $analysed files, not $files"
single=$(find "$work/single" -type f -name '*.json' | wc -l)
((single == files)) || die "the single run wrote $single results, not $files"
diff -r "$work/single" "$work/sharded" >/dev/null || die "the shards' results differ from the single run's: $(diff -rq "$work/single" "$work/sharded" | head -5)"
say "the union of $tasks shards equals the single run ($files results, identical bytes)"

# Resuming: a second submission finds every result done.
(cd "$work/jobs" && rm -f seed-lens-*.log && SEED_LENS="node $root/dist/cli.js" timeout 300 sbatch --parsable --wait --array=0-$((tasks - 1)) --cpus-per-task=1 --mem=100M \
	"$root/scripts/slurm/analyze-array.sbatch" "$work/corpus" "$work/sharded" >/dev/null) || die "the second job array failed"
redone=0
for log in "$work"/jobs/seed-lens-*.log; do
	n=$(grep -E '^seed-lens:' "$log" | sed -E 's/.* ([0-9,]+) analysed.*/\1/' | tr -d ,) || die "no summary in $(basename "$log")"
	redone=$((redone + n))
done
((redone == 0)) || die "the resubmitted array analysed $redone files again instead of none"
say "resubmitted: every result already done, none analysed again"

ok=1
say "passed in $((SECONDS - start)) s"
