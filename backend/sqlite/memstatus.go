package sqlite

/*
// SQLite's own functions, from the copy of SQLite that github.com/mattn/go-sqlite3 builds.
// sqlite3_config takes variable arguments, which cgo cannot pass: memstatusOff calls it in C.
int sqlite3_config(int, ...);
int sqlite3_status64(int, long long*, long long*, int);

static int memstatusOff(void) {
	return sqlite3_config(9, 0); // SQLITE_CONFIG_MEMSTATUS, off
}

static long long memoryCounted(void) {
	long long now = 0, most = 0;
	sqlite3_status64(0, &now, &most, 0); // SQLITE_STATUS_MEMORY_USED
	return now;
}
*/
import "C"

// init turns off SQLite's count of the memory it holds. Counted, each allocation and free
// inside SQLite takes a lock that every connection of the process shares; the pipelined
// recompute's reader and writer, on two cores, take it tens of millions of times. Off, the
// recompute of a million orders from nothing took some 5 to 15% less (bench/README.md).
// SQLite's own advice for a build is to turn the count off (SQLITE_DEFAULT_MEMSTATUS=0 in
// https://sqlite.org/compile.html); the driver's build leaves it on, and this does at run time
// what that option does. Nothing here reads the count, and no heap limit is set (those need it).
//
// SQLite takes the setting only before it starts, which its first open does: an init of this
// package runs before any code can open a database through it. The call's result is not
// looked at here; it can only fail if SQLite had started, and then the count stays on, which
// is slower and nothing else. TestMemstatusOff checks that it is off.
func init() {
	C.memstatusOff()
}

// memoryCounted is the memory SQLite counts as held: 0 when it counts none.
func memoryCounted() int64 {
	return int64(C.memoryCounted())
}
