#!/usr/bin/env bash
# Starts and stops the real mail servers the integration tests use, on loopback:
# Mailpit (SMTP, with an HTTP API to read back what arrived) and Dovecot (IMAP).
#
#   scripts/mailservers.sh start DIR   # writes DIR/env with the PARTNERBOOK_* variables the tests read
#   scripts/mailservers.sh stop DIR
#
# Dovecot needs root (it switches to the vmail user); without it only Mailpit starts and the
# IMAP tests say why they skip.
set -uo pipefail
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
MAILPIT="$(go env GOPATH)/bin/mailpit-1.31.0"
# free_port: a port nobody listens on now (several test runs may share a machine).
free_port() {
  local p
  for _ in $(seq 100); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}
SMTP_PORT=${PARTNERBOOK_TEST_SMTP_PORT:-$(free_port)}
HTTP_PORT=${PARTNERBOOK_TEST_HTTP_PORT:-$(free_port)}
IMAP_PORT=${PARTNERBOOK_TEST_IMAP_PORT:-$(free_port)}

wait_port() { # wait_port PORT: up to 10 s for something to listen on 127.0.0.1:PORT
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

start() {
  mkdir -p "$dir"
  : >"$dir/env"
  "$MAILPIT" --listen "127.0.0.1:$HTTP_PORT" --smtp "127.0.0.1:$SMTP_PORT" --smtp-auth-accept-any --smtp-auth-allow-insecure \
    --database "$dir/mailpit.db" --disable-version-check --quiet >"$dir/mailpit.log" 2>&1 &
  echo $! >"$dir/mailpit.pid"
  if wait_port "$SMTP_PORT" && wait_port "$HTTP_PORT"; then
    echo "export PARTNERBOOK_MAILPIT_SMTP=127.0.0.1:$SMTP_PORT PARTNERBOOK_MAILPIT_API=http://127.0.0.1:$HTTP_PORT" >>"$dir/env"
  else
    echo "mailservers: Mailpit did not start:" >&2; cat "$dir/mailpit.log" >&2; return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "mailservers: not root, so no Dovecot (the IMAP integration tests will skip)" >&2
    return 0
  fi
  id vmail >/dev/null 2>&1 || useradd -r -M vmail
  mkdir -p "$dir/dovecot/mail"
  # Dovecot's auth and mail processes run as other users: they must reach their files (the
  # folder may come from mktemp, which makes it 0700).
  chmod 755 "$dir" "$dir/dovecot"
  chown vmail:vmail "$dir/dovecot/mail"
  echo 'shop@linen.example:{PLAIN}secret' >"$dir/dovecot/passwd"
  cat >"$dir/dovecot/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
base_dir = $dir/dovecot/run
state_dir = $dir/dovecot/state
log_path = $dir/dovecot/dovecot.log
mail_location = maildir:$dir/dovecot/mail/%u/Maildir
first_valid_uid = 100
passdb {
  driver = passwd-file
  args = $dir/dovecot/passwd
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$dir/dovecot/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
CONF
  if dovecot -c "$dir/dovecot/dovecot.conf" && wait_port "$IMAP_PORT"; then
    echo "export PARTNERBOOK_DOVECOT=127.0.0.1:$IMAP_PORT" >>"$dir/env"
  else
    echo "mailservers: Dovecot did not start:" >&2; cat "$dir/dovecot/dovecot.log" >&2; return 1
  fi
}

stop() {
  [ -f "$dir/mailpit.pid" ] && kill "$(cat "$dir/mailpit.pid")" 2>/dev/null
  [ -f "$dir/dovecot/dovecot.conf" ] && doveadm -c "$dir/dovecot/dovecot.conf" stop 2>/dev/null
  rm -rf "$dir"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
