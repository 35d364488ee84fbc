#!/usr/bin/env bash
# Entrypoint of the bitnamilegacy/zookeeper:3.8.1 STAND-IN (ci/rehearsal/zookeeper/Dockerfile,
# used only by ci/rehearsal/run.sh): writes zoo.cfg from the Bitnami settings
# docker-compose.yml uses and runs a standalone ZooKeeper in the foreground, its heap
# ZOO_HEAP_SIZE MiB (-Xmx and -Xms, default 1024) as Bitnami's run script sets it.
set -euo pipefail
if [ "${ALLOW_ANONYMOUS_LOGIN:-no}" != yes ]; then
    echo "zookeeper-entrypoint.sh: without authentication ALLOW_ANONYMOUS_LOGIN must be yes (as in Bitnami's image)" >&2
    exit 1
fi
conf=/opt/zookeeper/conf
cat >"$conf/zoo.cfg" <<CFG
tickTime=2000
initLimit=10
syncLimit=5
dataDir=/bitnami/zookeeper/data
clientPort=2181
4lw.commands.whitelist=${ZOO_4LW_COMMANDS_WHITELIST:-srvr,mntr}
admin.enableServer=false
CFG
cat >"$conf/log4j.properties" <<'LOG'
log4j.rootLogger=INFO, CONSOLE
log4j.appender.CONSOLE=org.apache.log4j.ConsoleAppender
log4j.appender.CONSOLE.layout=org.apache.log4j.PatternLayout
log4j.appender.CONSOLE.layout.ConversionPattern=%d{ISO8601} [myid:%X{myid}] - %-5p [%t:%C{1}@%L] - %m%n
LOG
heap=${ZOO_HEAP_SIZE:-1024}
exec java "-Xmx${heap}m" "-Xms${heap}m" -cp "$conf:/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-log4j12.jar:/usr/share/java/log4j-1.2.jar" \
    -Dlog4j.configuration="file:$conf/log4j.properties" \
    org.apache.zookeeper.server.quorum.QuorumPeerMain "$conf/zoo.cfg"
