// Syncbench measures committed sales a second through the sync endpoint (POST
// /v1/track/sale with a secret key, group commit, synchronous=FULL) against a bare net/http
// handler that commits each request with one INSERT (synchronous=FULL), in the same run: the
// two servers take turns, each round with the same number of clients posting distinct sales
// over kept-alive connections. Only 200 answers count, and at the end every answered sale must
// be stored exactly once in each database.
//
//	go run ./bench/syncbench [-clients 50] [-seconds 5] [-rounds 3]
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/shopspring/decimal"

	"partnerbook/backend/domain"
	"partnerbook/backend/secret"
	"partnerbook/backend/sqlite"
	pbsync "partnerbook/backend/sync"
)

func main() {
	clients := flag.Int("clients", 50, "concurrent clients")
	seconds := flag.Float64("seconds", 5, "length of one round")
	rounds := flag.Int("rounds", 3, "rounds per server (they alternate)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "syncbench:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*clients, time.Duration(*seconds*float64(time.Second)), *rounds); err != nil {
		fmt.Fprintln(os.Stderr, "syncbench:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(clients int, d time.Duration, rounds int) error {
	dir, err := os.MkdirTemp("", "syncbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	ours, key, stop, err := endpoint(dir)
	if err != nil {
		return err
	}
	defer stop()
	bare, bareDB, err := bareServer(filepath.Join(dir, "bare.db"))
	if err != nil {
		return err
	}
	defer bareDB.Close()
	var oursOK, bareOK int64
	var oursTime, bareTime time.Duration
	for r := 0; r < rounds; r++ {
		n, el, err := load(ours, key, fmt.Sprintf("o%d-", r), clients, d)
		if err != nil {
			return err
		}
		oursOK, oursTime = oursOK+n, oursTime+el
		n, el, err = load(bare, "", fmt.Sprintf("b%d-", r), clients, d)
		if err != nil {
			return err
		}
		bareOK, bareTime = bareOK+n, bareTime+el
		fmt.Printf("round %d: endpoint %.0f/s, bare %.0f/s\n", r+1, float64(oursOK)/oursTime.Seconds(), float64(bareOK)/bareTime.Seconds())
	}
	if err := storedOnce(filepath.Join(dir, "partnerbook.db"), `SELECT count(*), count(DISTINCT event_id) FROM events`, oursOK); err != nil {
		return fmt.Errorf("endpoint: %w", err)
	}
	if err := storedOnce(filepath.Join(dir, "bare.db"), `SELECT count(*), count(DISTINCT order_id) FROM sales`, bareOK); err != nil {
		return fmt.Errorf("bare handler: %w", err)
	}
	o, b := float64(oursOK)/oursTime.Seconds(), float64(bareOK)/bareTime.Seconds()
	fmt.Printf("%d clients, %d rounds of %s each\n", clients, rounds, d)
	fmt.Printf("sync endpoint (group commit, synchronous=FULL): %8.0f committed sales/s (%d)\n", o, oursOK)
	fmt.Printf("bare net/http, one INSERT a request (FULL):     %8.0f committed sales/s (%d)\n", b, bareOK)
	fmt.Printf("ratio endpoint/bare: %.2f; every answered sale stored once in both\n", o/b)
	return nil
}

// endpoint serves the sync endpoint's handler over a fresh data folder with one program and
// a secret key; the events are committed, not applied (as on a headless server).
func endpoint(dir string) (string, string, func(), error) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "partnerbook.db"), sqlite.Options{Secrets: secret.NewFile(filepath.Join(dir, "s.json"))})
	if err != nil {
		return "", "", nil, err
	}
	p := domain.DefaultProgram("Bench")
	ten := decimal.NewFromInt(10)
	p.Rules = domain.Plan{Sale: &domain.Rate{Percent: &ten}}
	prog, err := st.CreateProgram(ctx, p)
	if err != nil {
		return "", "", nil, err
	}
	key, nk := pbsync.NewKey(prog.ID, domain.KeySecret, false)
	if _, err := st.CreateAPIKey(ctx, nk); err != nil {
		return "", "", nil, err
	}
	log, err := st.OpenEventLog()
	if err != nil {
		return "", "", nil, err
	}
	srv := pbsync.New(pbsync.Options{Store: st, Log: log})
	u, closeHTTP, err := listen(srv.Handler())
	if err != nil {
		return "", "", nil, err
	}
	return u, key, func() { closeHTTP(); srv.Close(); log.Close(); st.Close() }, nil
}

// bareServer is the yardstick: a handler that reads the body, takes its order id, and commits
// one INSERT per request on one connection with synchronous=FULL.
func bareServer(path string) (string, *sql.DB, error) {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_busy_timeout", "10000")
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		return "", nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE sales (id INTEGER PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)`); err != nil {
		return "", nil, err
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
		var sale struct {
			OrderID string `json:"order_id"`
		}
		if err != nil || json.Unmarshal(body, &sale) != nil || sale.OrderID == "" {
			http.Error(w, `{"error":{"code":"invalid"}}`, http.StatusBadRequest)
			return
		}
		if _, err := db.Exec(`INSERT INTO sales (order_id, body) VALUES (?, ?) ON CONFLICT (order_id) DO NOTHING`, sale.OrderID, string(body)); err != nil {
			http.Error(w, `{"error":{"code":"internal"}}`, http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true}`)
	})
	u, _, err := listen(h)
	return u, db, err
}

func listen(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// load posts distinct sales from clients goroutines for d and counts the 200 answers.
func load(base, key, prefix string, clients int, d time.Duration) (int64, time.Duration, error) {
	tr := &http.Transport{MaxIdleConns: clients * 2, MaxIdleConnsPerHost: clients * 2}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var ok, bad atomic.Int64
	var firstErr atomic.Value
	start := time.Now()
	deadline := start.Add(d)
	done := make(chan struct{})
	for c := 0; c < clients; c++ {
		go func(c int) {
			defer func() { done <- struct{}{} }()
			for i := 0; time.Now().Before(deadline); i++ {
				body := fmt.Sprintf(`{"order_id":"%s%d-%d","customer":{"email":"c%d@example.com"},"amount":"49.90","currency":"EUR",`+
					`"items":[{"sku":"MUG","name":"Mug","quantity":2,"price":"19.95"}]}`, prefix, c, i, i)
				req, _ := http.NewRequest("POST", base+"/v1/track/sale", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				if key != "" {
					req.Header.Set("Authorization", "Bearer "+key)
				}
				resp, err := client.Do(req)
				if err != nil {
					firstErr.CompareAndSwap(nil, err)
					bad.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == 200 {
					ok.Add(1)
				} else {
					bad.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Errorf("status %d", resp.StatusCode))
				}
			}
		}(c)
	}
	for c := 0; c < clients; c++ {
		<-done
	}
	el := time.Since(start)
	if bad.Load() > 0 {
		return 0, el, fmt.Errorf("%d requests failed, the first: %v", bad.Load(), firstErr.Load())
	}
	return ok.Load(), el, nil
}

func storedOnce(path, q string, want int64) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var n, distinct int64
	if err := db.QueryRow(q).Scan(&n, &distinct); err != nil {
		return err
	}
	if n != want || distinct != want {
		return fmt.Errorf("%d answered 200, %d stored (%d distinct)", want, n, distinct)
	}
	return nil
}
